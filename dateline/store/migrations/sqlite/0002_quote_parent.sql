-- A quotation nested in another's content ("he said she believed ...") names its container.
ALTER TABLE quotes ADD COLUMN parent TEXT;
