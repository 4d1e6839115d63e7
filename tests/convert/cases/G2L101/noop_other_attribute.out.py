# g2l: converted from jobs/noop_other_attribute.py
class LimitsJob:
    def __init__(self, reader):
        self.reader = reader

    def limits(self, table):
        return self.reader.create_dynamic_frame.from_catalog(database="risk", table_name=table)
