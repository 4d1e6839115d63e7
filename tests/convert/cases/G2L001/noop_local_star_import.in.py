from risk_lib.helpers import *

log = logging.getLogger("limits")
schema = json.loads(LIMITS_SCHEMA)
