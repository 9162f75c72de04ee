"""The pure core: records, the experience ladder, the estimator, the market and the report
records. No I/O, no typer, no rich, no pydantic: plain values in, plain values out."""
