# g2l: converted from jobs/older_runtime_needs_variant.py
# case-config: {"runtime": "15.2"}
import glue_compat

trades = glueContext.read.table("main.risk.trades")


def tag_desk(record):
    record["desk"] = record["book"].split("-")[0]
    return record


# g2l: review G2L313: tag_desk runs in Python for every record (glue_compat.map_records: a Python UDF, and one more pass to read the result's schema): rewrite it with withColumn/select; as converted, the result has one schema, the union of the returned records' (a field a record lacks is null there, whole and fractional numbers of a field become double, a field with values of different types is a string, as is one only ever null), and dates, timestamps and decimals the function returns come back as text; on Databricks Runtime 15.2 ([convert] runtime) it stops with an error instead, since reading the schema needs VARIANT (Runtime 15.3 or later)
tagged = glue_compat.map_records(trades, tag_desk)
