# g2l: converted from jobs/older_runtime_sql_try_cast.py
# case-config: {"runtime": "14.3"}
from pyspark.sql import functions as F
exposures = glueContext.read.table("main.risk.exposures")
typed = exposures.withColumns({"notional": F.expr("try_cast(notional AS double)"), "limit_id": F.expr("try_cast(limit_id AS bigint)")})
