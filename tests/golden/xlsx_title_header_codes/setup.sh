# Issue 24: a title holding libxlsxwriter's picture codes (&G, &[Picture])
# aborted every workbook-writing run with a double free.
sed -i 's/^title: .*$/title: 清单\&G\&[Picture]\&\&G\&P/' tasks.yaml
