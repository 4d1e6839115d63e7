# g2l: converted from jobs/first_line_import.py
# g2l: review G2L006: a Glue workflow blueprint layout (awsglue.blueprint): it defines the jobs, crawlers and triggers of a Glue workflow, not a job; carried over unchanged until workflow definitions are converted (on Databricks a workflow is a Lakeflow Jobs definition): as written, nothing on Databricks runs it
from awsglue.blueprint.workflow import Entities, Workflow
from awsglue.blueprint.job import Job


def generate_layout(user_params, system_params):
    stress = Job(Name="stress_scenarios", Command={"Name": "glueetl", "ScriptLocation": user_params["Script"]}, Role=user_params["Role"])
    return Workflow(Name="stress_testing", Entities=Entities(Jobs=[stress]))
