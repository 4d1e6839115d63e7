"""Nightly credit risk workflow: raw positions crawl, then exposures and limits jobs."""
from awsglue.blueprint.workflow import *
from awsglue.blueprint.job import *
from awsglue.blueprint.crawler import *


def generate_layout(user_params, system_params):
    # one crawler over the raw positions, then the two jobs in order
    crawler = Crawler(
        Name=f"{user_params['WorkflowName']}_positions_crawler",
        Role=user_params["IAMRole"],
        Targets={"S3Targets": [{"Path": user_params["PositionsPath"]}]},
    )
    exposures = Job(
        Name=f"{user_params['WorkflowName']}_exposures",
        Command={"Name": "glueetl", "ScriptLocation": user_params["ScriptLocation"]},
        Role=user_params["IAMRole"],
        DependsOn={crawler: "SUCCEEDED"},
    )
    limits = Job(
        Name=f"{user_params['WorkflowName']}_limits",
        Command={"Name": "glueetl", "ScriptLocation": user_params["LimitsScript"]},
        Role=user_params["IAMRole"],
        DependsOn={exposures: "SUCCEEDED"},
    )
    return Workflow(Name=user_params["WorkflowName"], Entities=Entities(Jobs=[exposures, limits], Crawlers=[crawler]))
