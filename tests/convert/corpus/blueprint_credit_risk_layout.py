"""Blueprint layout: the nightly credit risk workflow (positions crawl, exposures, limits, RWA)."""
from awsglue.blueprint.crawler import *
from awsglue.blueprint.job import *
from awsglue.blueprint.workflow import *


def generate_layout(user_params, system_params):
    prefix = user_params["WorkflowName"]
    role = user_params["IAMRole"]
    # the raw positions are crawled before any job reads them
    positions_crawler = Crawler(
        Name=f"{prefix}_positions",
        Role=role,
        DatabaseName="risk_raw",
        Targets={"S3Targets": [{"Path": user_params["PositionsPath"]}]},
    )
    exposures = Job(
        Name=f"{prefix}_exposures",
        Command={"Name": "glueetl", "ScriptLocation": user_params["ExposuresScript"], "PythonVersion": "3"},
        Role=role,
        GlueVersion="4.0",
        DependsOn={positions_crawler: "SUCCEEDED"},
    )
    limits = Job(
        Name=f"{prefix}_limits",
        Command={"Name": "glueetl", "ScriptLocation": user_params["LimitsScript"], "PythonVersion": "3"},
        Role=role,
        GlueVersion="4.0",
        DependsOn={exposures: "SUCCEEDED"},
    )
    rwa = Job(
        Name=f"{prefix}_rwa",
        Command={"Name": "glueetl", "ScriptLocation": user_params["RwaScript"], "PythonVersion": "3"},
        Role=role,
        GlueVersion="4.0",
        DependsOn={exposures: "SUCCEEDED"},
    )
    return Workflow(
        Name=prefix,
        Entities=Entities(Jobs=[exposures, limits, rwa], Crawlers=[positions_crawler]),
        OnSchedule="cron(0 2 * * ? *)",
    )
