import sys
from awsglue.transforms import *
import awsglue.transforms as T
from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import functions as F

value = F.lit(1)
