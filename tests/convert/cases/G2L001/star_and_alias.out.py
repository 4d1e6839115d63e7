# g2l: converted from jobs/star_and_alias.py
import sys
from pyspark.sql import functions as F

value = F.lit(1)
