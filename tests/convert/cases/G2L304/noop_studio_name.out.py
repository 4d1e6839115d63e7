# g2l: converted from jobs/noop_studio_name.py
from mylib import DropNullFields

clean = DropNullFields.apply(frame=mapped)
