from pyspark.sql import DataFrame


def row_total(self):
    return self.count()


DataFrame.row_total = row_total
