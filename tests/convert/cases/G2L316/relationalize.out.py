# g2l: converted from jobs/relationalize.py
from pyspark.sql import DataFrame
import glue_compat


def tables(people: DataFrame, temp_dir):
    dfc = glue_compat.relationalize(people, "root", temp_dir)
    root = dfc["root"]
    contacts = dfc["root_contacts"]
    plain = glue_compat.relationalize(people, "roottable")
    positional = glue_compat.relationalize(people, "pos_root", temp_dir)
    hist = glue_compat.relationalize(people, "hist_root", temp_dir)
    for name in hist.keys():
        print(name, hist[name].count())
    return root, contacts, plain, positional
