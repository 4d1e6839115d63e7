# g2l: converted from jobs/noop_other_class.py
from pyspark.sql import DataFrame


def row_total(self):
    return self.count()


DataFrame.row_total = row_total
