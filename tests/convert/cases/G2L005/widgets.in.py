# case-config: {"job_parameters": "widgets"}
import sys
from awsglue.utils import getResolvedOptions

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])
