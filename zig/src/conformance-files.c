// Conformance: the preview-1 calls on files and directories, one line per check.
// Run with one preopen (fd 3) holding a.txt ("hello\n"), sub/b.txt ("bee\n") and an
// empty directory empty/. The same bytes must come out of every host
// (test/unit/wasi-conformance.test.ts compares node:wasi and the page's runner).
// Built by zig cc -target wasm32-wasi (wasi-libc), raw WASI calls only.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#define DIR 3
// Every right a regular file can have (node:wasi refuses to open a file asking for more).
#define ALL_FILE_RIGHTS ((__wasi_rights_t)(__WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | \
  __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | __WASI_RIGHTS_FD_SYNC | __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_WRITE | \
  __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_ALLOCATE | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | \
  __WASI_RIGHTS_FD_FILESTAT_SET_TIMES | __WASI_RIGHTS_POLL_FD_READWRITE))

static int failures = 0;

static void check(const char *what, __wasi_errno_t got, __wasi_errno_t want) {
  printf("%s: errno %u%s\n", what, got, got == want ? "" : " (unexpected)");
  if (got != want) failures++;
}

static void report(const char *what, int ok) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

static __wasi_errno_t open_at(const char *path, __wasi_lookupflags_t dirflags, __wasi_oflags_t oflags,
                              __wasi_rights_t rights, __wasi_fdflags_t fdflags, __wasi_fd_t *fd) {
  return __wasi_path_open(DIR, dirflags, path, oflags, rights, rights, fdflags, fd);
}

static __wasi_errno_t write_all(__wasi_fd_t fd, const char *text) {
  __wasi_ciovec_t iov = {(const uint8_t *)text, strlen(text)};
  __wasi_size_t n;
  return __wasi_fd_write(fd, &iov, 1, &n);
}

// Reads a whole file (up to 255 bytes) into buf, NUL-terminated.
static __wasi_errno_t read_file(const char *path, __wasi_lookupflags_t dirflags, char *buf) {
  __wasi_fd_t fd;
  __wasi_errno_t e = open_at(path, dirflags, 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK, 0, &fd);
  if (e) return e;
  __wasi_iovec_t iov = {(uint8_t *)buf, 255};
  __wasi_size_t n = 0;
  e = __wasi_fd_read(fd, &iov, 1, &n);
  buf[n] = 0;
  (void)__wasi_fd_close(fd);
  return e;
}

static void show(const char *what, const char *path, __wasi_lookupflags_t dirflags) {
  char buf[256];
  __wasi_errno_t e = read_file(path, dirflags, buf);
  if (e) printf("%s: errno %u\n", what, e);
  else printf("%s: \"%.*s\"\n", what, (int)strcspn(buf, "\n"), buf);
}

static __wasi_filestat_t stat_of(const char *path, __wasi_lookupflags_t flags, __wasi_errno_t *e) {
  __wasi_filestat_t st;
  memset(&st, 0, sizeof st);
  *e = __wasi_path_filestat_get(DIR, flags, path, &st);
  return st;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

// Lists a directory sorted by name (hosts return entries in their own order), without "." and "..".
static void list(const char *path) {
  __wasi_fd_t fd;
  __wasi_errno_t e = open_at(path, 0, __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR, 0, &fd);
  if (e) { printf("readdir %s: errno %u\n", path, e); return; }
  static uint8_t buf[4096];
  __wasi_size_t used;
  e = __wasi_fd_readdir(fd, buf, sizeof buf, 0, &used);
  char *names[64];
  int count = 0;
  for (size_t at = 0; at + sizeof(__wasi_dirent_t) <= used && count < 64;) {
    __wasi_dirent_t d;
    memcpy(&d, buf + at, sizeof d);
    at += sizeof d;
    if (at + d.d_namlen > used) break;
    char *name = malloc(d.d_namlen + 3);
    memcpy(name, buf + at, d.d_namlen);
    name[d.d_namlen] = 0;
    at += d.d_namlen;
    if (!strcmp(name, ".") || !strcmp(name, "..")) { free(name); continue; }
    const char *suffix = d.d_type == __WASI_FILETYPE_DIRECTORY ? "/" : d.d_type == __WASI_FILETYPE_SYMBOLIC_LINK ? "@" : "";
    strcat(name, suffix);
    names[count++] = name;
  }
  qsort(names, count, sizeof names[0], by_name);
  printf("readdir %s: errno %u,", path, e);
  for (int i = 0; i < count; i++) { printf(" %s", names[i]); free(names[i]); }
  printf("\n");
  (void)__wasi_fd_close(fd);
}

int main(int argc, char **argv) {
  __wasi_fd_t fd, fd2;
  __wasi_errno_t e;
  __wasi_filesize_t pos;
  __wasi_filestat_t st;
  char buf[256];

  // --- open, create, truncate, seek, pread/pwrite ---
  show("read a.txt", "a.txt", 0);
  check("open missing.txt", open_at("missing.txt", 0, 0, __WASI_RIGHTS_FD_READ, 0, &fd), __WASI_ERRNO_NOENT);
  check("create a.txt exclusively", open_at("a.txt", 0, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, __WASI_RIGHTS_FD_WRITE, 0, &fd), __WASI_ERRNO_EXIST);
  check("open a.txt as a directory", open_at("a.txt", 0, __WASI_OFLAGS_DIRECTORY, 0, 0, &fd), __WASI_ERRNO_NOTDIR);
  check("open a.txt/ (trailing slash)", open_at("a.txt/", 0, 0, __WASI_RIGHTS_FD_READ, 0, &fd), __WASI_ERRNO_NOTDIR);
  check("open ../outside", open_at("../outside", 0, 0, __WASI_RIGHTS_FD_READ, 0, &fd), __WASI_ERRNO_NOTCAPABLE);
  check("open sub/../../a.txt", open_at("sub/../../a.txt", 0, 0, __WASI_RIGHTS_FD_READ, 0, &fd), __WASI_ERRNO_NOTCAPABLE);
  show("read sub/../a.txt", "sub/../a.txt", 0);
  check("create new.txt", open_at("new.txt", 0, __WASI_OFLAGS_CREAT, ALL_FILE_RIGHTS, 0, &fd), 0);
  check("write new.txt", write_all(fd, "0123456789"), 0);
  check("seek set 2", __wasi_fd_seek(fd, 2, __WASI_WHENCE_SET, &pos), 0);
  printf("  offset %llu\n", (unsigned long long)pos);
  check("seek cur +3", __wasi_fd_seek(fd, 3, __WASI_WHENCE_CUR, &pos), 0);
  printf("  offset %llu\n", (unsigned long long)pos);
  check("seek end -1", __wasi_fd_seek(fd, -1, __WASI_WHENCE_END, &pos), 0);
  printf("  offset %llu\n", (unsigned long long)pos);
  check("seek before the start", __wasi_fd_seek(fd, -100, __WASI_WHENCE_SET, &pos), __WASI_ERRNO_INVAL);
  check("tell", __wasi_fd_tell(fd, &pos), 0);
  printf("  offset %llu\n", (unsigned long long)pos);
  {
    __wasi_ciovec_t iov = {(const uint8_t *)"AB", 2};
    __wasi_size_t n;
    check("pwrite AB at 4", __wasi_fd_pwrite(fd, &iov, 1, 4, &n), 0);
    __wasi_iovec_t riov = {(uint8_t *)buf, 5};
    check("pread 5 at 2", __wasi_fd_pread(fd, &riov, 1, 2, &n), 0);
    printf("  \"%.*s\"\n", (int)n, buf);
    check("tell after pread", __wasi_fd_tell(fd, &pos), 0);
    printf("  offset %llu\n", (unsigned long long)pos);
  }
  check("set size 4", __wasi_fd_filestat_set_size(fd, 4), 0);
  check("set size 6", __wasi_fd_filestat_set_size(fd, 6), 0);
  check("filestat new.txt", __wasi_fd_filestat_get(fd, &st), 0);
  printf("  size %llu, type %u\n", (unsigned long long)st.size, st.filetype);
  (void)__wasi_fd_close(fd);
  check("open new.txt truncating", open_at("new.txt", 0, __WASI_OFLAGS_TRUNC, ALL_FILE_RIGHTS, 0, &fd), 0);
  check("filestat after truncate", __wasi_fd_filestat_get(fd, &st), 0);
  printf("  size %llu\n", (unsigned long long)st.size);
  (void)__wasi_fd_close(fd);
  check("read a closed fd", __wasi_fd_read(fd, NULL, 0, NULL), __WASI_ERRNO_BADF);

  // --- append ---
  check("open log.txt with APPEND", open_at("log.txt", 0, __WASI_OFLAGS_CREAT, ALL_FILE_RIGHTS, __WASI_FDFLAGS_APPEND, &fd), 0);
  check("write one", write_all(fd, "one\n"), 0);
  check("seek to 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos), 0);
  check("write two (appends)", write_all(fd, "two\n"), 0);
  {
    __wasi_fdstat_t fs;
    check("fdstat of the APPEND fd", __wasi_fd_fdstat_get(fd, &fs), 0);
    printf("  flags %u\n", fs.fs_flags);
  }
  (void)__wasi_fd_close(fd);
  check("open log.txt without APPEND", open_at("log.txt", 0, 0, ALL_FILE_RIGHTS, 0, &fd), 0);
  check("set APPEND with fd_fdstat_set_flags", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND), 0);
  check("write three (appends)", write_all(fd, "three\n"), 0);
  (void)__wasi_fd_close(fd);
  e = read_file("log.txt", 0, buf);
  for (char *c = buf; *c; c++) if (*c == '\n') *c = ' ';
  printf("log.txt: errno %u, \"%s\"\n", e, buf);

  // --- directories: readdir, mkdir, rmdir, unlink, rename ---
  list(".");
  list("sub");
  list("empty");
  check("mkdir made", __wasi_path_create_directory(DIR, "made"), 0);
  check("mkdir made again", __wasi_path_create_directory(DIR, "made"), __WASI_ERRNO_EXIST);
  check("mkdir missing/deeper", __wasi_path_create_directory(DIR, "missing/deeper"), __WASI_ERRNO_NOENT);
  check("create made/inner.txt", open_at("made/inner.txt", 0, __WASI_OFLAGS_CREAT, ALL_FILE_RIGHTS, 0, &fd), 0);
  (void)__wasi_fd_close(fd);
  check("rmdir made (not empty)", __wasi_path_remove_directory(DIR, "made"), __WASI_ERRNO_NOTEMPTY);
  check("rmdir a.txt (a file)", __wasi_path_remove_directory(DIR, "a.txt"), __WASI_ERRNO_NOTDIR);
  check("unlink made (a directory)", __wasi_path_unlink_file(DIR, "made"), __WASI_ERRNO_ISDIR);
  check("unlink missing.txt", __wasi_path_unlink_file(DIR, "missing.txt"), __WASI_ERRNO_NOENT);
  check("unlink made/inner.txt", __wasi_path_unlink_file(DIR, "made/inner.txt"), 0);
  check("rmdir made", __wasi_path_remove_directory(DIR, "made"), 0);
  check("rename new.txt to renamed.txt", __wasi_path_rename(DIR, "new.txt", DIR, "renamed.txt"), 0);
  check("rename renamed.txt onto log.txt (replaces)", __wasi_path_rename(DIR, "renamed.txt", DIR, "log.txt"), 0);
  check("rename log.txt onto sub (a directory)", __wasi_path_rename(DIR, "log.txt", DIR, "sub"), __WASI_ERRNO_ISDIR);
  check("rename empty/ to moved/ (trailing slashes)", __wasi_path_rename(DIR, "empty/", DIR, "moved/"), 0);
  check("rename moved into itself", __wasi_path_rename(DIR, "moved", DIR, "moved/inside"), __WASI_ERRNO_INVAL);
  check("rename missing.txt", __wasi_path_rename(DIR, "missing.txt", DIR, "x.txt"), __WASI_ERRNO_NOENT);
  list(".");

  // --- symlink, readlink, link ---
  check("symlink link.txt -> sub/b.txt", __wasi_path_symlink("sub/b.txt", DIR, "link.txt"), 0);
  check("symlink onto an existing name", __wasi_path_symlink("a.txt", DIR, "log.txt"), __WASI_ERRNO_EXIST);
  {
    __wasi_size_t n = 0;
    check("readlink link.txt", __wasi_path_readlink(DIR, "link.txt", (uint8_t *)buf, sizeof buf, &n), 0);
    printf("  %lu bytes, \"%.*s\"\n", n, (int)strnlen(buf, n), buf);
    check("readlink a.txt (not a link)", __wasi_path_readlink(DIR, "a.txt", (uint8_t *)buf, sizeof buf, &n), __WASI_ERRNO_INVAL);
  }
  show("read through link.txt", "link.txt", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW);
  check("open link.txt without following", open_at("link.txt", 0, 0, __WASI_RIGHTS_FD_READ, 0, &fd), __WASI_ERRNO_LOOP);
  st = stat_of("link.txt", 0, &e);
  printf("stat link.txt (no follow): errno %u, type %u\n", e, st.filetype);
  st = stat_of("link.txt", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, &e);
  printf("stat link.txt (follow): errno %u, type %u, size %llu\n", e, st.filetype, (unsigned long long)st.size);
  check("symlink subdir -> sub", __wasi_path_symlink("sub", DIR, "subdir"), 0);
  show("read subdir/b.txt (a link in the middle)", "subdir/b.txt", 0);
  check("symlink out -> ../escape", __wasi_path_symlink("../escape", DIR, "out"), 0);
  check("open out (leaves the preopen)", open_at("out", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0, __WASI_RIGHTS_FD_READ, 0, &fd), __WASI_ERRNO_NOTCAPABLE);
  check("unlink out (the link itself)", __wasi_path_unlink_file(DIR, "out"), 0);
  check("link a.txt to hard.txt", __wasi_path_link(DIR, 0, "a.txt", DIR, "hard.txt"), 0);
  check("link a.txt onto log.txt (exists)", __wasi_path_link(DIR, 0, "a.txt", DIR, "log.txt"), __WASI_ERRNO_EXIST);
  check("link sub (a directory)", __wasi_path_link(DIR, 0, "sub", DIR, "sub2"), __WASI_ERRNO_PERM);
  st = stat_of("a.txt", 0, &e);
  printf("nlink a.txt: %llu\n", (unsigned long long)st.nlink);
  check("append to hard.txt", open_at("hard.txt", 0, 0, ALL_FILE_RIGHTS, __WASI_FDFLAGS_APPEND, &fd), 0);
  check("write", write_all(fd, "again\n"), 0);
  (void)__wasi_fd_close(fd);
  e = read_file("a.txt", 0, buf);
  for (char *c = buf; *c; c++) if (*c == '\n') *c = ' ';
  printf("a.txt through its other name: errno %u, \"%s\"\n", e, buf);
  check("unlink hard.txt", __wasi_path_unlink_file(DIR, "hard.txt"), 0);
  st = stat_of("a.txt", 0, &e);
  printf("nlink a.txt: %llu\n", (unsigned long long)st.nlink);
  list(".");

  // --- fdstat and rights ---
  {
    __wasi_fdstat_t fs;
    check("fdstat of the preopen", __wasi_fd_fdstat_get(DIR, &fs), 0);
    printf("  type %u, flags %u, base %#llx, inheriting %#llx\n", fs.fs_filetype, fs.fs_flags,
           (unsigned long long)fs.fs_rights_base, (unsigned long long)fs.fs_rights_inheriting);
    check("open a.txt for reading", open_at("a.txt", 0, 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL, 0, &fd), 0);
    check("fdstat of a.txt", __wasi_fd_fdstat_get(fd, &fs), 0);
    printf("  type %u, flags %u, base %#llx, inheriting %#llx\n", fs.fs_filetype, fs.fs_flags,
           (unsigned long long)fs.fs_rights_base, (unsigned long long)fs.fs_rights_inheriting);
    check("drop FD_SEEK", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_TELL, 0), 0);
    check("fdstat after dropping", __wasi_fd_fdstat_get(fd, &fs), 0);
    printf("  base %#llx\n", (unsigned long long)fs.fs_rights_base);
    check("take FD_WRITE back", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0), __WASI_ERRNO_NOTCAPABLE);
    (void)__wasi_fd_close(fd);
    check("open sub", open_at("sub", 0, __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_OPEN, 0, &fd2), 0);
    check("fdstat of sub", __wasi_fd_fdstat_get(fd2, &fs), 0);
    printf("  type %u, base %#llx, inheriting %#llx\n", fs.fs_filetype,
           (unsigned long long)fs.fs_rights_base, (unsigned long long)fs.fs_rights_inheriting);
    (void)__wasi_fd_close(fd2);
    check("fdstat of a closed fd", __wasi_fd_fdstat_get(fd2, &fs), __WASI_ERRNO_BADF);
  }

  // --- filestat and set_times ---
  st = stat_of("sub", 0, &e);
  printf("stat sub: errno %u, type %u\n", e, st.filetype);
  st = stat_of("a.txt", 0, &e);
  printf("stat a.txt: errno %u, type %u, size %llu\n", e, st.filetype, (unsigned long long)st.size);
  check("path_filestat_set_times a.txt", __wasi_path_filestat_set_times(DIR, 0, "a.txt", 1000000000000000000ull, 1200000000000000000ull, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM), 0);
  st = stat_of("a.txt", 0, &e);
  printf("  atim %llu s, mtim %llu s\n", (unsigned long long)(st.atim / 1000000000ull), (unsigned long long)(st.mtim / 1000000000ull));
  check("open a.txt", open_at("a.txt", 0, 0, ALL_FILE_RIGHTS, 0, &fd), 0);
  check("fd_filestat_set_times mtim only", __wasi_fd_filestat_set_times(fd, 0, 1300000000000000000ull, __WASI_FSTFLAGS_MTIM), 0);
  check("fd_filestat_get", __wasi_fd_filestat_get(fd, &st), 0);
  printf("  atim %llu s, mtim %llu s\n", (unsigned long long)(st.atim / 1000000000ull), (unsigned long long)(st.mtim / 1000000000ull));
  check("set_times ATIM with ATIM_NOW", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW), __WASI_ERRNO_INVAL);
  check("set_times MTIM_NOW", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW), 0);
  check("fd_filestat_get", __wasi_fd_filestat_get(fd, &st), 0);
  report("  mtim is now (after 2020)", st.mtim > 1577836800000000000ull);
  report("  atim kept", st.atim / 1000000000ull == 1000000000ull);
  (void)__wasi_fd_close(fd);

  // Last, and only when asked: node:wasi (Node 20) answers INVAL here but leaves the
  // directory fd locked, so the next call on it hangs and Node aborts at exit.
  if (argc > 1 && !strcmp(argv[1], "path-times-inval"))
    check("path set_times MTIM with MTIM_NOW", __wasi_path_filestat_set_times(DIR, 0, "a.txt", 0, 0, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW), __WASI_ERRNO_INVAL);

  printf("%d unexpected\n", failures);
  return failures ? 1 : 0;
}
