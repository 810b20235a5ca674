// One of two files that run at once on their own workers (isolation.shared.cjs).
require('./isolation.shared.cjs')('second file');
