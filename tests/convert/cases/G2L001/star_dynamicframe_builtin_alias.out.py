# g2l: converted from jobs/star_dynamicframe_builtin_alias.py
from builtins import str as basestring


def text_columns(record):
    # the legacy desk code still spells str the Python 2 way
    return [key for key, value in record.items() if isinstance(value, basestring)]
