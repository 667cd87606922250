# cli: en
