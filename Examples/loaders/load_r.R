# Loads tillit's csv and tsv score output with base R (read.csv, read.delim) and checks the
# columns, the row count and that char_offset/char_length slice each row's text (substr
# counts characters, as tillit's char offsets do). Reads the jsonl output too when jsonlite
# is installed.   Rscript load_r.R OUT.csv OUT.tsv OUT.jsonl SOURCE_DIR
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 4)
c <- read.csv(args[1], encoding = "UTF-8", check.names = FALSE, stringsAsFactors = FALSE, na.strings = character(0))
t <- read.delim(args[2], encoding = "UTF-8", check.names = FALSE, stringsAsFactors = FALSE, na.strings = character(0), quote = "")
n <- length(readLines(args[3], encoding = "UTF-8"))
if (nrow(c) != n || nrow(t) != n) stop(sprintf("rows: csv %d, tsv %d, jsonl lines %d", nrow(c), nrow(t), n))
for (col in c("id", "index", "offset", "length", "char_offset", "char_length", "tokens", "label", "text", "p_stöd", "status")) {
  if (!(col %in% names(c))) stop(paste("csv lacks column", col))
}
if (!identical(names(c), names(t))) stop("csv and tsv columns differ")
if (!all(c$id == t$id & c$label == t$label & c$char_offset == t$char_offset)) stop("csv and tsv rows differ")
for (i in seq_len(nrow(c))) {
  f <- c$id[i]
  if (!file.exists(f)) f <- file.path(args[4], f)
  src <- paste(readLines(f, encoding = "UTF-8", warn = FALSE), collapse = "\n")
  got <- substr(src, c$char_offset[i] + 1, c$char_offset[i] + c$char_length[i])
  if (got != c$text[i]) stop(sprintf("%s #%d: substr gives '%s', text is '%s'", c$id[i], c$index[i], substr(got, 1, 60), substr(c$text[i], 1, 60)))
}
if (requireNamespace("jsonlite", quietly = TRUE)) {
  j <- jsonlite::stream_in(file(args[3]), verbose = FALSE)
  if (nrow(j) != n || !all(j$id == c$id)) stop("jsonl rows differ from csv")
  cat("R: jsonl read with jsonlite\n")
} else cat("R: jsonl check skipped (jsonlite not installed; Debian r-cran-jsonlite)\n")
cat(sprintf("R: ok (%d rows, %d columns; substr of char offsets gives every row's text)\n", nrow(c), ncol(c)))
