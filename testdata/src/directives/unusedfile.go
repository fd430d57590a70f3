//lint:file-ignore SL1003 nothing here uses 306 any more // want `this directive silences no SL1003 finding`

package directives
