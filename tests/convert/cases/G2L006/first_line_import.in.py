from awsglue.blueprint.workflow import Entities, Workflow
from awsglue.blueprint.job import Job


def generate_layout(user_params, system_params):
    stress = Job(Name="stress_scenarios", Command={"Name": "glueetl", "ScriptLocation": user_params["Script"]}, Role=user_params["Role"])
    return Workflow(Name="stress_testing", Entities=Entities(Jobs=[stress]))
