# g2l: converted from jobs/noop_local_star_import.py
from risk_lib.helpers import *

log = logging.getLogger("limits")
schema = json.loads(LIMITS_SCHEMA)
