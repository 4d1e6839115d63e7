# g2l: converted from jobs/star_transforms_keeps_unconverted.py
from awsglue.transforms import MapToCollection


def fan_out_books(books, options):
    # each book's frame through the desk's own mapping callable
    # g2l: review G2L300: MapToCollection applies a function to each frame of a DynamicFrameCollection (a dict of DataFrames now): as written, it fails on Databricks and the job stops: rewrite it as a dict comprehension
    return MapToCollection.apply(dfc=books, callable=options["per_book"])
