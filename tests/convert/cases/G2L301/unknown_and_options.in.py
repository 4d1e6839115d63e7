from awsglue.dynamicframe import DynamicFrame


def to_frame(source):
    return source.toDF()


def resolved(dyf: DynamicFrame, options):
    return dyf.toDF(options)
