// Package codes is the statuscodes pass: it checks the statuses the sinks
// pass found against the API's table (SL1001 raw literal, SL1002
// undocumented, SL1003 unused, SL1004 invalid) and builds the fixes to
// named constants, with their imports.
package codes
