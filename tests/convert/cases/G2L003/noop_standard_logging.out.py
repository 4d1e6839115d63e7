# g2l: converted from jobs/noop_standard_logging.py
import logging

# a logging logger, not one from glueContext.get_logger(): its warn() is logging's own
logger = logging.getLogger(__name__)
logger.warn("late data")
logger.info("done")
