# g2l: converted from jobs/layout.py
"""Nightly credit risk workflow: raw positions crawl, then exposures and limits jobs."""
# g2l: review G2L006: a Glue workflow blueprint layout (awsglue.blueprint): it defines the jobs, crawlers and triggers of a Glue workflow, not a job; carried over unchanged until workflow definitions are converted (on Databricks a workflow is a Lakeflow Jobs definition): as written, nothing on Databricks runs it
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
