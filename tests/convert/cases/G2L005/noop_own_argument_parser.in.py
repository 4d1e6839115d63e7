import sys

from joblib.args import getResolvedOptions

# a helper of the same name from another library: its semantics are its own
args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])
print(args["as_of_date"])
