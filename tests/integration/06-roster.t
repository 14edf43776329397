#!/usr/bin/perl
# Roster import: upload, preview with an error per bad row (line and
# reason), confirm; importing again updates instead of duplicating; the
# set-password links of the new officers work; another country's accounts
# are never touched.
use strict;
use warnings;
use utf8;
use Test::More;
use Encode qw(encode decode);
use RCMTest;

my $focal = RCMTest->new;
$focal->login('focal.cr@demo.rcm');
$focal->view('/admin/');

sub upload {
	my ($c, $path, $csv, %more) = @_;
	my $b = 'rcmtestboundary7d91';
	my $body = '';
	for my $k ('csrf', sort keys %more) {
		my $v = $k eq 'csrf' ? $c->{csrf} : $more{$k};
		$body .= "--$b\r\nContent-Disposition: form-data; name=\"$k\"\r\n\r\n$v\r\n";
	}
	$body .= "--$b\r\nContent-Disposition: form-data; name=\"roster\"; filename=\"roster.csv\"\r\n"
	    . "Content-Type: text/csv\r\n\r\n$csv\r\n--$b--\r\n";
	return $c->request('POST', $path,
	    { 'Content-Type' => "multipart/form-data; boundary=$b" }, $body);
}

# An officer of another country, whose e-mail a focal point might try.
sql("INSERT INTO users (email, full_name, role, country, agency) VALUES ('otro\@gt.test', 'De Guatemala', 'officer', 'GT', 'IGM')");

my $csv = encode('UTF-8', join "\r\n",
	"\x{FEFF}email,full_name,agency,sex,language",
	'maria@roster.test,"Gómez, María",Migración,mujer,es',
	'pedro@roster.test,Pedro Núñez,Guardacostas,male,en',
	'not-an-email,Sin Correo,Migración,female,es',
	'ana@roster.test,,Migración,female,es',
	'luis@roster.test,Luis,Migración,robot,es',
	'otro@gt.test,Intruso,Migración,male,es',
	'maria@roster.test,María Otra Vez,Migración,female,es',
	'"multi@roster.test","Nombre con ""comillas"" y',
	'salto",Policía,other,es',
	'luz@roster.test,Luz Marina,Migración,,',
	'') ;

my $r = upload($focal, '/admin/import', $csv);
is($r->{status}, 200, 'preview: 200');
my $doc;
# The preview as XML, to read every row.
my $b = 'rcmtestboundary7d91';
my $body = "--$b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$focal->{csrf}\r\n"
    . "--$b\r\nContent-Disposition: form-data; name=\"roster\"; filename=\"r.csv\"\r\n\r\n$csv\r\n--$b--\r\n";
$r = $focal->request('POST', '/admin/import', { 'Content-Type' => "multipart/form-data; boundary=$b",
    Accept => 'application/xml' }, $body);
$doc = xml_of($r->{content});
my %rows = map { $_->getAttribute('line') => $_ } $doc->findnodes('//import/row');
is($rows{2}->getAttribute('action'), 'create', 'line 2: a new officer');
is($rows{2}->findvalue('name'), 'Gómez, María', 'line 2: quoted comma kept');
is($rows{3}->getAttribute('action'), 'create', 'line 3: a new officer');
is($rows{4}->findvalue('error/@key'), 'roster.email-invalid', 'line 4: bad e-mail named');
is($rows{5}->findvalue('error/@key'), 'roster.name-empty', 'line 5: empty name named');
is($rows{6}->findvalue('error/@key'), 'roster.sex', 'line 6: bad sex named');
is($rows{6}->findvalue('error/@p1'), 'robot', 'line 6: with what the file says');
is($rows{7}->findvalue('error/@key'), 'roster.email-unmanaged', 'line 7: another country\'s account refused');
is($rows{7}->findvalue('error/@p1') . $rows{7}->findvalue('error/@p2'), '', 'line 7: without saying whose');
is($rows{8}->findvalue('error/@key'), 'roster.email-repeats', 'line 8: repeated e-mail named');
is($rows{8}->findvalue('error/@p1'), 2, 'line 8: repeats line 2');
is($rows{9}->findvalue('error/@key'), 'roster.name-invalid',
    'line 9: a name over two lines (a quoted field) is refused');
is($rows{11}->getAttribute('action'), 'create',
    'line 11: numbering goes on after a field over two lines');
is($rows{11}->getAttribute('sex'), 'unspecified', 'line 11: empty sex is unspecified');
is($doc->findvalue('//import/@errors'), 6, 'six rows with errors');
is(sql_one("SELECT COUNT(*) FROM users WHERE email LIKE '%\@roster.test'"), 0,
    'nothing written by the preview');

# Confirm: the good rows are imported.
$r = upload($focal, '/admin/import/confirm', $csv);
is($r->{status}, 303, 'confirmed');
my ($import) = $r->{headers}{location} =~ m{/admin/import/(\d+)$};
ok($import, 'to the import summary');
is(sql_one("SELECT COUNT(*) FROM users WHERE email LIKE '%\@roster.test' AND country = 'CR' AND role = 'officer'"),
    3, 'three officers created in CR');
is(sql_one("SELECT sex FROM users WHERE email = 'maria\@roster.test'"), 'female',
    'Spanish sex word normalised');
is(sql_one("SELECT full_name FROM users WHERE email = 'otro\@gt.test'"), 'De Guatemala',
    'the GT officer is untouched');
my $sum = $focal->view("/admin/import/$import");
is($sum->findvalue('//import/@creates'), 3, 'summary: 3 created');

# Again, with a changed agency: updates, no duplicates.
(my $csv2 = $csv) =~ s/Guardacostas/Servicio Nacional de Guardacostas/;
$r = upload($focal, '/admin/import/confirm', $csv2);
is($r->{status}, 303, 'imported again');
is(sql_one("SELECT COUNT(*) FROM users WHERE email LIKE '%\@roster.test'"), 3,
    'no duplicates');
is(sql_one("SELECT agency FROM users WHERE email = 'pedro\@roster.test'"),
    'Servicio Nacional de Guardacostas', 'the change is applied');
my ($import2) = $r->{headers}{location} =~ m{/(\d+)$};
is($focal->view("/admin/import/$import2")->findvalue('//import/@updates'), 3,
    'summary: 3 updated');

# Set-password links for the new officers.
$r = $focal->post("/admin/import/$import/links");
is($r->{status}, 200, 'links CSV');
like($r->{headers}{'content-type'}, qr{text/csv}, 'as CSV');
my @links = $r->{content} =~ m{(/learn/set-password\?token=[A-Za-z0-9_-]+)}g;
is(scalar @links, 3, 'one link per new officer');
my $new = RCMTest->new;
is($new->get($links[0])->{status}, 200, 'a link opens the set-password form');

# A file that cannot be read at all.
$r = upload($focal, '/admin/import', "email,full_name,agency\r\n\xe9\xe8,Latin1,X\r\n");
is($r->{status}, 422, 'not UTF-8: 422');
like(decode('UTF-8', $r->{content}), qr/l[ií]nea 2/, 'names the line, in the page language');
like(decode('UTF-8', $r->{content}), qr/CSV UTF-8/, 'and says how to fix it');
# The preview in Spanish translates each row's problem.
$focal->post('/learn/lang', lang => 'es', next => '/admin/');
$r = upload($focal, '/admin/import', $csv);
like(decode('UTF-8', $r->{content}), qr/el sexo debe ser mujer, hombre, otro o sin especificar \(el archivo dice «robot»\)/,
    'row problems are in Spanish on a Spanish page');
$r = upload($focal, '/admin/import', "email,name\r\na\@b.org,X\r\n");
is($r->{status}, 422, 'unknown column: 422');
$r = upload($focal, '/admin/import', "email,full_name,agency\r\n\"a\@b.org,X,Y\r\n");
is($r->{status}, 422, 'unclosed quote: 422');

# A spreadsheet in Spanish saves with semicolons.
$r = upload($focal, '/admin/import', encode('UTF-8',
    "email;full_name;agency;sex\r\nsemi\@roster.test;\"Pérez; Ana\";Migración;F\r\n"));
is($r->{status}, 200, 'a semicolon-separated file is read');
like(decode('UTF-8', $r->{content}), qr/Pérez; Ana/, 'with its quoted semicolon');

# Scope: the focal point cannot import into or list another country.
$r = upload($focal, '/admin/import/confirm', $csv, country => 'GT');
is($r->{status}, 403, 'import into GT: 403');
my $list = $focal->get('/admin/.xml');
unlike($list->{content}, qr/otro\@gt\.test/, 'the GT officer is not listed');
like($list->{content}, qr/pedro\@roster\.test/, 'own officers are listed');

my $gt_id = sql_one("SELECT id FROM users WHERE email = 'otro\@gt.test'");
is($focal->post("/admin/users/$gt_id/link")->{status}, 404,
    'no set-password link for another country\'s officer');
is(sql_one("SELECT COUNT(*) FROM password_tokens WHERE user_id = $gt_id"), 0,
    'and none was stored');
my $own_id = sql_one("SELECT id FROM users WHERE email = 'pedro\@roster.test'");
$r = $focal->post("/admin/users/$own_id/link");
is($r->{status}, 200, 'a set-password link for one of their officers');
like($r->{content}, qr{/learn/set-password\?token=}, 'shown on the page');

# The administrator may import for any country, and must say which.
my $admin = RCMTest->new;
$admin->login('admin@demo.rcm');
$admin->view('/admin/');
is(upload($admin, '/admin/import', $csv)->{status}, 400,
    'administrator without a country: 400');
is(upload($admin, '/admin/import',
    encode('UTF-8', "email,full_name,agency\r\nhn\@roster.test,Hondureña,INM\r\n"),
    country => 'HN')->{status}, 200, 'administrator with a country: preview');

# Revocation by the focal point, seen by verification.
my $uid = sql_one("SELECT id FROM users WHERE email = 'pedro\@roster.test'");
sql("INSERT INTO completions (user_id, module_id, version, lang, score, attempts, started_at, completed_at, certificate) VALUES ($uid, 'first-contact', 'v', 'en', 90, 1, NOW(), NOW(), 'RVK0000000000000000A')");
is($focal->post('/admin/revoke', code => 'rvk00-00000-00000-0000a')->{status}, 303,
    'revoked (code typed in lower case with dashes)');
is(RCMTest->new->view('/verify/RVK0000000000000000A')->findvalue('//certificate/@status'),
    'revoked', 'verification says revoked');

done_testing;
