from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Relationalize


def tables(people: DynamicFrame, temp_dir):
    dfc = Relationalize.apply(frame=people, staging_path=temp_dir, name="root", transformation_ctx="rel")
    root = dfc.select("root")
    contacts = dfc.select("root_contacts")
    plain = Relationalize.apply(frame=people)
    positional = Relationalize.apply(people, temp_dir, "pos_root")
    hist = people.relationalize("hist_root", temp_dir)
    for name in hist.keys():
        print(name, hist.select(name).count())
    return root, contacts, plain, positional
