"""Data checks the risk jobs run before they publish anything."""
import logging

from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

log = logging.getLogger(__name__)


class DataCheckError(Exception):
    pass


def require_rows(frame: DynamicFrame, name: str) -> None:
    rows = frame.count()
    if rows == 0:
        raise DataCheckError(f"{name}: no rows")
    log.info("%s: %d rows", name, rows)


def require_unique(df: DataFrame, key: str) -> None:
    duplicates = df.groupBy(key).count().filter(F.col("count") > 1)
    if duplicates.head(1):
        raise DataCheckError(f"duplicate {key} values")


def require_no_errors(frame: DynamicFrame, limit: int = 0) -> None:
    errors = frame.errorsCount()
    if errors > limit:
        frame.errorsAsDynamicFrame().toDF().show(10, truncate=False)
        raise DataCheckError(f"{errors} records failed to parse")


def null_share(frame: DynamicFrame, column: str) -> float:
    df = frame.toDF()
    total = df.count()
    return df.filter(F.col(column).isNull()).count() / total if total else 0.0
