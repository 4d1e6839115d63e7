from mylib import DropNullFields

clean = DropNullFields.apply(frame=mapped)
