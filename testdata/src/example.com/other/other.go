package other

// Name is used by the import fixtures.
const Name = "other"
