# g2l: converted from jobs/noop_other_attribute.py
class LimitsJob:
    def __init__(self, reader):
        self.reader = reader

    def limits(self, table):
        # g2l: review G2L001: a Glue-style read/write call on `self.reader`, which g2l-merge does not see holding a GlueContext: left as written; if it holds one (a mixin's attribute, a parameter no call site fills), the call fails on Databricks: write it with spark.read / df.write by hand
        return self.reader.create_dynamic_frame.from_catalog(database="risk", table_name=table)
