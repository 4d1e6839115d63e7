from awsglue.transforms import *


def fan_out_books(books, options):
    # each book's frame through the desk's own mapping callable
    return MapToCollection.apply(dfc=books, callable=options["per_book"])
