#!/usr/bin/perl
# The runnable stack: health checks, security headers, error pages for bad
# input, least-privilege database accounts, migrations, and surviving a
# database outage.
use strict;
use warnings;
use Test::More;
use Time::HiRes qw(time sleep);
use RCMTest;

my $web = RCMTest->new;

# Each program answers /healthz with the database and the content version.
for my $p (qw(learn report admin verify)) {
	my $r = $web->get("/$p/healthz");
	is($r->{status}, 200, "/$p/healthz answers 200");
	like($r->{content}, qr/^database: ok$/m, "/$p/healthz: database ok");
	like($r->{content}, qr/^content: [0-9a-f]{12}$/m,
	    "/$p/healthz: content version");
}

# Security headers on a dynamic page.
my $r = $web->get('/learn/');
is($r->{status}, 200, 'catalog answers 200');
like($r->{headers}{'content-security-policy'} // '', qr/default-src 'none'/,
    'Content-Security-Policy');
like($r->{headers}{'content-security-policy'} // '',
    qr/frame-ancestors 'none'/, 'frame-ancestors');
is($r->{headers}{'x-content-type-options'} =~ /nosniff/ ? 1 : 0, 1,
    'X-Content-Type-Options');
ok(defined $r->{headers}{'referrer-policy'}, 'Referrer-Policy');

# The same view as XML: a documented read API.
$r = $web->get('/learn/.xml');
like($r->{headers}{'content-type'}, qr{^application/xml}, 'XML view');
my $doc = xml_of($r->{content});
is($doc->findvalue('count(/page/catalog/module)') + 0,
    scalar(() = glob("$ENV{ROOT}/content/*/module.txt")),
    'the XML catalog lists every module in content/');

# Unknown path: a 404 page, not a crash.
$r = $web->get('/learn/no/such/page');
is($r->{status}, 404, 'unknown path: 404');
like($r->{content}, qr/<html/, '404 is an HTML page');
like($r->{content}, qr/404/, '404 page says 404');

# Methods.
$r = $web->request('PUT', '/learn/', {}, 'x');
is($r->{status}, 405, 'PUT: 405');
$r = $web->request('DELETE', '/report/', {});
is($r->{status}, 405, 'DELETE: 405');
$r = $web->get('/learn/logout');
is($r->{status}, 405, 'GET on a POST-only address: 405');
like($r->{headers}{allow} // '', qr/POST/, '405 says Allow: POST');

# Malformed percent-encoding and invalid UTF-8: 400 naming the field.
$r = $web->get('/learn/login?email=abc%ZZ');
is($r->{status}, 400, 'malformed percent-encoding: 400');
like($r->{content}, qr/email/, '400 page names the field');
$r = $web->request('POST', '/learn/login',
    { 'Content-Type' => 'application/x-www-form-urlencoded' },
    'email=a%C3%28b%40x.org&password=whatever1');
is($r->{status}, 400, 'invalid UTF-8: 400');
like($r->{content}, qr/email/, '400 page names the field');
like($r->{content}, qr/UTF-8/, '400 page says what was wrong');
$r = $web->request('POST', '/learn/login',
    { 'Content-Type' => 'application/x-www-form-urlencoded' },
    'email=x%40y.org&password=%E0%80%80aaaaaaaa');
is($r->{status}, 400, 'overlong UTF-8 in password: 400');
like($r->{content}, qr/password/, '400 page names the password field');

# A body over the size limit: 413 from nginx, with our page.
$r = $web->request('POST', '/learn/login',
    { 'Content-Type' => 'application/x-www-form-urlencoded' },
    'email=' . ('a' x (1100 * 1024)));
is($r->{status}, 413, 'body over the limit: 413');
like($r->{content}, qr/large|grande/i, '413 page says the body is too large');

# Least privilege: each program's account can do only its job.
sub as_account {
	my ($p, $q) = @_;
	my $pw = do { local (@ARGV, $/) = "$ENV{VAR}/secrets/db-$p"; <> };
	chomp $pw;
	my $pid = fork // die "fork: $!";
	if ($pid == 0) {
		open STDOUT, '>', '/dev/null';
		open STDERR, '>', '/dev/null';
		exec 'mariadb', '--no-defaults',
		    "--socket=$ENV{VAR}/run/mysqld.sock", "-urcm_$p", "-p$pw",
		    '-N', '-B', 'rcm', '-e', $q;
		exit 127;
	}
	waitpid $pid, 0;
	return $? == 0;
}
ok(as_account('verify', 'SELECT full_name FROM users LIMIT 1'),
    'verify may read names');
ok(!as_account('verify', 'SELECT email FROM users LIMIT 1'),
    'verify may not read e-mail addresses');
ok(!as_account('verify', "UPDATE completions SET revoked_at = NOW()"),
    'verify may not write');
ok(!as_account('report', "DELETE FROM lesson_reads"),
    'report may not delete');
ok(!as_account('report', "UPDATE users SET role = 'admin'"),
    'report may not change accounts');
ok(!as_account('learn', "DROP TABLE completions"),
    'learn may not drop tables');
ok(!as_account('learn', "UPDATE completions SET score = 100"),
    'learn may not alter completions');

# Migrations are recorded, and running them again changes nothing.
my @files = map { m{/([^/]+)\.sql$} } glob("$ENV{ROOT}/sql/migrations/*.sql");
is(sql_one('SELECT COUNT(*) FROM schema_migrations'), scalar @files,
    'every migration is recorded once');
my $out = `sh $ENV{ROOT}/conf/stack.sh migrate 2>&1`;
is($?, 0, 'migrate again succeeds');
unlike($out, qr/migration:/, 'migrate again applies nothing');
is(sql_one('SELECT COUNT(*) FROM schema_migrations'), scalar @files,
    'still one record per migration');

# A new migration is applied at the next start, once.
my $sqldir = "$ENV{VAR}/sql-next";
system('cp', '-R', "$ENV{ROOT}/sql", $sqldir) == 0 or die;
open my $mig, '>', "$sqldir/migrations/999-test-column.sql" or die;
print $mig "ALTER TABLE countries ADD COLUMN test_note VARCHAR(10) NULL;\n";
close $mig;
$out = `SQL_DIR=$sqldir sh $ENV{ROOT}/conf/stack.sh migrate 2>&1`;
like($out, qr/migration: 999-test-column/, 'a new migration is applied');
is(sql_one("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'rcm' AND table_name = 'countries' AND column_name = 'test_note'"),
    1, 'and its change is in the database');
$out = `SQL_DIR=$sqldir sh $ENV{ROOT}/conf/stack.sh migrate 2>&1`;
unlike($out, qr/migration:/, 'and not applied twice');
sql("ALTER TABLE countries DROP COLUMN test_note");
sql("DELETE FROM schema_migrations WHERE name = '999-test-column'");

# The database goes away while the site runs: 503 within 5 seconds, no
# worker exits, and service comes back by itself.
$web->login('officer@demo.rcm');
is($web->get('/learn/progress')->{status}, 200, 'signed-in page before');
sub workers {
	my %pids;
	for my $p (qw(learn report admin verify)) {
		my $mw = do { local (@ARGV, $/) = "$ENV{VAR}/run/$p.pid"; <> };
		chomp $mw;
		$pids{$p} = join ',', sort split ' ', `pgrep -P $mw`;
	}
	return \%pids;
}
my $before = workers();
ok(stack('db-stop'), 'database stopped');
my $t0 = time;
$r = $web->get('/learn/progress');
my $elapsed = time - $t0;
is($r->{status}, 503, 'signed-in page while the database is down: 503');
cmp_ok($elapsed, '<', 5, '503 came within 5 seconds');
like($r->{headers}{'retry-after'} // '', qr/^\d+$/, '503 has Retry-After');
is($web->get('/learn/healthz')->{status}, 503, 'healthz says 503');
is($web->get('/verify/ABCDEFGHJKMNPQRSTVWX')->{status}, 503,
    'verify: 503 while down');
is_deeply(workers(), $before, 'no worker exited or was restarted');
ok(stack('db-start'), 'database started again');
my $back;
for (1 .. 50) {
	$r = $web->get('/learn/progress');
	if ($r->{status} == 200) { $back = 1; last }
	sleep 0.1;
}
ok($back, 'service back within 5 seconds of the database');
is($web->get('/report/healthz')->{status}, 200, 'report reconnected');
is($web->get('/admin/healthz')->{status}, 200, 'admin reconnected');
is_deeply(workers(), $before, 'same workers after the outage');

# A worker that dies is replaced by multiwatch.
my $w = workers();
my ($victim) = split /,/, $w->{verify};
kill 'KILL', $victim;
my $replaced;
for (1 .. 50) {
	sleep 0.1;
	my $now = workers()->{verify};
	my @n = split /,/, $now;
	if (@n == (split /,/, $w->{verify}) && !grep { $_ == $victim } @n) {
		$replaced = 1;
		last;
	}
}
ok($replaced, 'a killed worker is replaced');
is($web->get('/verify/healthz')->{status}, 200, 'verify still answers');

done_testing;
