# g2l: converted from jobs/logger.py
import logging
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
logger = logging.getLogger(__name__)
logger.info("start")
logger.warning("late data")
