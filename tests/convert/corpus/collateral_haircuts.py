"""Collateral valuation after regulatory haircuts (CRR Art. 224 supervisory volatility adjustments)."""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

HAIRCUTS = {
    "CASH": 0.0,
    "GOVT_BOND_AAA": 0.005,
    "GOVT_BOND_A": 0.02,
    "CORP_BOND_AA": 0.04,
    "MAIN_INDEX_EQUITY": 0.15,
    "OTHER_EQUITY": 0.25,
}


def apply_haircut(record):
    haircut = HAIRCUTS.get(record["collateral_type"], 1.0)
    record["haircut"] = haircut
    record["adjusted_value"] = record["market_value"] * (1 - haircut)
    return record


args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

collateral = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="collateral_positions",
    transformation_ctx="collateral",
)
collateral = DropNullFields.apply(frame=collateral, transformation_ctx="collateral_non_null")
valued = Map.apply(frame=collateral, f=apply_haircut, transformation_ctx="valued")
eligible = Filter.apply(frame=valued, f=lambda r: r["haircut"] < 1.0)

glueContext.write_dynamic_frame.from_catalog(
    frame=eligible,
    database="risk",
    table_name="collateral_valued",
    transformation_ctx="write_collateral",
)
job.commit()
