"""Question banks in Moodle's formats: GIFT and Moodle XML, read and written (docs/interop.md).

`common` holds what both formats share (a parsed question, the problems and notes of a file, the
turn of a question into the labels a file holds and back); `gift` and `moodle_xml` read and write
one format each; `service` imports a file into a bank (all or nothing) and exports a bank or a test.
"""
