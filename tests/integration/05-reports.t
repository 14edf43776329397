#!/usr/bin/perl
# Reporting for ministries and the Secretariat: scoping by country, the
# XML completion records (valid against the schema, counts equal to the
# database's), CSV quoting, the dashboard, trainctl exports and the
# regional report.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Temp qw(tempdir);
use Encode qw(decode encode);
use RCMTest;

my $tmp = tempdir(CLEANUP => 1);
my $xsd = "$ENV{ROOT}/xslt/completion-records.xsd";

# Officers of two countries, with names that CSV must survive.
my @people = (
	['cr1@rep.test', 'Ana "La Tica" Solís', 'CR', 'female', 'Migración, Fronteras'],
	['cr2@rep.test', "José\nMaría Núñez", 'CR', 'male', 'Guardacostas'],
	['cr3@rep.test', '=HYPERLINK("http://x")', 'CR', 'unspecified', 'Guardacostas'],
	['gt1@rep.test', 'Secreto Guatemalteco', 'GT', 'female', 'IGM'],
	['gt2@rep.test', 'Otro Nombre GT', 'GT', 'male', 'IGM'],
);
for my $p (@people) {
	my ($email, $name, $c, $sex, $agency) = @$p;
	s/'/''/g for $name, $agency;
	sql(encode('UTF-8', "INSERT INTO users (email, full_name, role, country, agency, sex) VALUES ('$email', '$name', 'officer', '$c', '$agency', '$sex')"));
}
sql("INSERT IGNORE INTO module_versions (module_id, version, label, title_en, title_es, lessons) VALUES ('refugee-definition', 'r1', '2026.1', 'Who is a refugee', 'Quién es una persona refugiada', 4), ('non-refoulement', 'n1', '2026.1', 'Non-refoulement', 'No devolución', 4)");
my $n = 0;
sub complete {
	my ($email, $module, $version, $when, $score) = @_;
	$n++;
	my $code = sprintf 'TESTCD%014d', $n;
	sql("INSERT INTO completions (user_id, module_id, version, lang, score, attempts, started_at, completed_at, certificate) SELECT id, '$module', '$version', 'es', $score, 2, '$when' - INTERVAL 1 DAY, '$when', '$code' FROM users WHERE email = '$email'");
	sql("INSERT IGNORE INTO lesson_reads (user_id, module_id, lesson, version, read_at) SELECT id, '$module', '01-x', '$version', '$when' FROM users WHERE email = '$email'");
	sql("INSERT INTO quiz_attempts (user_id, module_id, version, lang, layout, answers, score, max_score, passed, created_at, submitted_at) SELECT id, '$module', '$version', 'es', '', '', " . int($score / 10) . ", 10, 1, '$when', '$when' FROM users WHERE email = '$email'");
	return $code;
}
complete('cr1@rep.test', 'refugee-definition', 'r1', '2026-02-10 10:00:00', 90);
complete('cr1@rep.test', 'non-refoulement', 'n1', '2026-03-05 10:00:00', 80);
complete('cr2@rep.test', 'refugee-definition', 'r1', '2026-03-20 10:00:00', 100);
my $revoked = complete('cr3@rep.test', 'refugee-definition', 'r1', '2026-04-01 10:00:00', 80);
sql("UPDATE completions SET revoked_at = NOW() WHERE certificate = '$revoked'");
complete('cr3@rep.test', 'non-refoulement', 'n1', '2025-12-30 10:00:00', 80);
complete('gt1@rep.test', 'refugee-definition', 'r1', '2026-02-11 10:00:00', 90);
complete('gt2@rep.test', 'non-refoulement', 'n1', '2026-06-11 10:00:00', 100);
# A failed attempt, for the pass rate.
sql("INSERT INTO quiz_attempts (user_id, module_id, version, lang, layout, answers, score, max_score, passed, created_at, submitted_at) SELECT id, 'non-refoulement', 'n1', 'es', '', '', 3, 10, 0, '2026-05-01', '2026-05-01' FROM users WHERE email = 'cr2\@rep.test'");

sub db_count {
	my ($country, $year) = @_;
	return sql_one("SELECT COUNT(*) FROM completions c JOIN users u ON u.id = c.user_id WHERE u.country = '$country' AND YEAR(c.completed_at) = $year");
}

sub valid_xml {
	my ($content, $name) = @_;
	my $file = "$tmp/$name.xml";
	open my $fh, '>:raw', $file or die;
	print $fh $content;
	close $fh;
	my $out = `xmllint --noout --nonet --schema $xsd $file 2>&1`;
	return ($? == 0, $out, $file);
}

# A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
sub csv_rows {
	my ($text) = @_;
	my (@rows, @row, $field);
	my $i = 0;
	$text =~ s/^\x{FEFF}//;
	while ($i < length $text) {
		my $c = substr $text, $i, 1;
		if ($c eq '"') {
			my $end = $i + 1;
			$field = '';
			while (1) {
				my $q = index $text, '"', $end;
				die "unterminated quote" if $q < 0;
				$field .= substr $text, $end, $q - $end;
				if (substr($text, $q + 1, 1) eq '"') {
					$field .= '"';
					$end = $q + 2;
				} else {
					$i = $q + 1;
					last;
				}
			}
			push @row, $field;
			my $sep = substr $text, $i, 2;
			if ($sep eq "\r\n") { push @rows, [@row]; @row = (); $i += 2 }
			elsif (substr($sep, 0, 1) eq ',') { $i++ }
			elsif ($i >= length $text) { push @rows, [@row]; @row = () }
			else { die "bad separator at $i" }
		} else {
			my $end = index $text, "\r\n", $i;
			my $line = substr $text, $i, $end - $i;
			push @rows, [split /,/, $line, -1];
			$i = $end + 2;
		}
	}
	return @rows;
}

my $focal = RCMTest->new;
is($focal->login('focal.cr@demo.rcm')->{status}, 303, 'focal point signs in');

# XML completion records: valid, complete, own country only.
my $r = $focal->get('/report/completions.xml?year=2026');
is($r->{status}, 200, 'completions.xml: 200');
like($r->{headers}{'content-type'}, qr{application/xml}, 'XML content type');
my ($valid, $why, $file) = valid_xml($r->{content}, 'cr');
ok($valid, 'completions.xml is valid against completion-records.xsd') or diag $why;
my $doc = xml_of($r->{content});
my $xc = XML::LibXML::XPathContext->new($doc);
$xc->registerNs(cr => 'urn:x-rcm:completion-records:1');
is($xc->findvalue('count(//cr:record)'), db_count('CR', 2026),
    'records in the XML equal the database (CR, 2026)');
is($xc->findvalue('count(//cr:record[cr:learner/@country != "CR"])'), 0,
    'no record of another country');
unlike($r->{content}, qr/Secreto Guatemalteco|Otro Nombre GT/,
    'no name of another country in the XML');
is($xc->findvalue('/cr:completionRecords/cr:summary/cr:total/@completed'),
    sql_one("SELECT COUNT(DISTINCT c.user_id, c.module_id) FROM completions c JOIN users u ON u.id = c.user_id WHERE u.country = 'CR' AND YEAR(c.completed_at) = 2026 AND c.revoked_at IS NULL"),
    'summary total equals the database');
is($xc->findvalue('count(//cr:record[cr:credential/@status = "revoked"])'), 1,
    'the revoked certificate is marked revoked');
is($xc->findvalue('//cr:record[cr:credential/@identifier = "TESTCD00000000000001"]/@scaledScore'),
    '0.90', 'scaled score as SCORM has it');
is($xc->findvalue('//cr:credential[@identifier = "TESTCD00000000000001"]/@verificationURL'),
    base_url() . '/verify/TESTCD00000000000001', 'verification URL');
is($xc->findvalue('sum(//cr:byMonth/@completed)'),
    sql_one("SELECT COUNT(*) FROM completions c JOIN users u ON u.id = c.user_id WHERE u.country = 'CR' AND YEAR(c.completed_at) = 2026 AND c.revoked_at IS NULL"),
    'monthly figures add up');
is($xc->findvalue('//cr:byMonth[@month = 3]/@completed'), 2,
    'two completions in March');

# Filters.
$r = $focal->get('/report/completions.xml?year=2026&module=non-refoulement');
$doc = xml_of($r->{content});
$xc = XML::LibXML::XPathContext->new($doc);
$xc->registerNs(cr => 'urn:x-rcm:completion-records:1');
is($xc->findvalue('count(//cr:record)'), 1, 'module filter');
$r = $focal->get('/report/completions.xml?year=2026&agency=Guardacostas');
$doc = xml_of($r->{content});
$xc = XML::LibXML::XPathContext->new($doc);
$xc->registerNs(cr => 'urn:x-rcm:completion-records:1');
is($xc->findvalue('count(//cr:record)'), 2, 'agency filter');
$r = $focal->get('/report/completions.xml?year=2025');
$doc = xml_of($r->{content});
$xc = XML::LibXML::XPathContext->new($doc);
$xc->registerNs(cr => 'urn:x-rcm:completion-records:1');
is($xc->findvalue('count(//cr:record)'), db_count('CR', 2025), 'year filter');
ok((valid_xml($r->{content}, 'cr2025'))[0], '2025 export is valid too');
is($focal->get('/report/completions.xml?year=99')->{status}, 400,
    'a bad year: 400');

# CSV: quoting, accents, counts.
$r = $focal->get('/report/completions.csv?year=2026');
is($r->{status}, 200, 'CSV: 200');
like($r->{headers}{'content-type'}, qr{text/csv}, 'CSV content type');
like($r->{headers}{'content-disposition'} // '', qr/attachment/, 'CSV is a download');
my $csv = decode('UTF-8', $r->{content});
like($csv, qr/^\x{FEFF}/, 'CSV starts with a byte order mark');
my @rows = csv_rows($csv);
is(scalar(@rows) - 1, db_count('CR', 2026), 'CSV rows equal the database');
my ($ana) = grep { $_->[2] =~ /Tica/ } @rows;
is($ana->[2], 'Ana "La Tica" Solís', 'quotes and accents survive CSV');
is($ana->[4], 'Migración, Fronteras', 'a comma inside a field survives');
my ($jose) = grep { $_->[2] =~ /José/ } @rows;
is($jose->[2], "José\nMaría Núñez", 'a newline inside a field survives');
unlike($csv, qr/Guatemalteco/, 'no other country in the CSV');
my ($formula) = grep { $_->[2] =~ /HYPERLINK/ } @rows;
is($formula->[2], q{'=HYPERLINK("http://x")}, 'a formula is defused with an apostrophe');

# The printable report and the dashboard.
$r = $focal->get('/report/completions?year=2026');
is($r->{status}, 200, 'printable report: 200');
like(decode('UTF-8', $r->{content}), qr/Solís/, 'printable report lists officers');
unlike($r->{content}, qr/Guatemalteco/, 'no other country in the printable report');
$r = $focal->get('/report/.xml?year=2026');
is($r->{status}, 200, 'dashboard: 200');
$doc = xml_of($r->{content});
is($doc->findvalue('//figures/summary/total/@completed'),
    sql_one("SELECT COUNT(DISTINCT c.user_id, c.module_id) FROM completions c JOIN users u ON u.id = c.user_id WHERE u.country = 'CR' AND YEAR(c.completed_at) = 2026 AND c.revoked_at IS NULL"),
    'dashboard total equals the database');
is($doc->findvalue('//figures/summary/byModule[@module="non-refoulement"]/@attempted'), 2,
    'dashboard: two officers took the non-refoulement quiz');
is($doc->findvalue('//figures/summary/byModule[@module="non-refoulement"]/@passed'), 1,
    'dashboard: one passed it in 2026');
is($doc->findvalue('count(//officers/officer)'),
    sql_one("SELECT COUNT(*) FROM users WHERE country = 'CR' AND role = 'officer'"),
    'officer list has every CR officer');
unlike($r->{content}, qr/Guatemalteco|gt1\@rep/, 'no other country in the dashboard');
$r = $focal->get('/report/.xml?year=2026&sort=completed');
$doc = xml_of($r->{content});
is($doc->findvalue('(//officers/officer)[1]/name'), 'Ana "La Tica" Solís',
    'sorted by completions: the officer with two comes first');

# Scoping: another country is refused on every address and parameter.
for my $path ('/report/', '/report/.xml', '/report/completions',
    '/report/completions.xml', '/report/completions.csv') {
	for my $q ('country=GT', 'year=2026&country=GT', 'country=GT&agency=IGM',
	    'country=CR&country=GT') {
		my $res = $focal->get("$path?$q");
		my $s = $res->{status};
		ok($s == 400 || $s == 403 || $s == 404,
		    "focal CR refused on $path?$q ($s)");
		unlike($res->{content}, qr/Guatemalteco|Otro Nombre GT|gt\d\@rep/,
		    "no GT data in the answer to $path?$q");
	}
}
is($focal->get('/admin/?country=GT')->{status}, 403,
    'focal CR refused on admin for GT');

# The Secretariat: every country, no personal data.
my $ts = RCMTest->new;
$ts->login('ts@demo.rcm');
$r = $ts->get('/report/completions.xml?year=2026&country=GT');
is($r->{status}, 200, 'Secretariat exports GT');
($valid, $why, my $gtfile) = valid_xml($r->{content}, 'gt');
ok($valid, 'Secretariat export is valid') or diag $why;
like($r->{content}, qr/personalData="no"/, 'marked as without personal data');
unlike($r->{content}, qr/Secreto|TESTCD/, 'no names or certificate codes');
$r = $ts->get('/report/.xml?year=2026');
$doc = xml_of($r->{content});
is($doc->findvalue('count(//officers)'), 0, 'no officer list for the Secretariat');
is($doc->findvalue('//figures/summary/byCountry[@country="GT"]/@completed'),
    sql_one("SELECT COUNT(DISTINCT c.user_id, c.module_id) FROM completions c JOIN users u ON u.id = c.user_id WHERE u.country = 'GT' AND YEAR(c.completed_at) = 2026 AND c.revoked_at IS NULL"),
    'the Secretariat sees figures by country');
is($ts->get('/report/?year=2026&country=&agency=&module=')->{status}, 200,
    'empty filters mean all');
is($ts->get('/admin/')->{status}, 403, 'Secretariat has no admin pages');

# Officers see no reports.
my $officer = RCMTest->new;
$officer->login('officer@demo.rcm');
is($officer->get('/report/')->{status}, 403, 'officer: no dashboard');
is($officer->get('/report/completions.xml?year=2026')->{status}, 403,
    'officer: no records');
is($officer->get('/admin/')->{status}, 403, 'officer: no admin');
my $anon = RCMTest->new;
is($anon->get('/report/completions.xml')->{status}, 303,
    'anonymous: sent to sign in');

# trainctl: scheduled exports and the regional report.
my $env = "RCM_CONFIG=$ENV{VAR}/rcm.conf";
my $cr = `$env $ENV{ROOT}/cgi-bin/trainctl export --country CR --year 2026`;
is($?, 0, 'trainctl export runs');
ok((valid_xml($cr, 'cli-cr'))[0], 'trainctl export is valid');
my $crdoc = xml_of($cr);
is($crdoc->findvalue('count(//*[local-name()="record"])'), db_count('CR', 2026),
    'trainctl export has every record');
my $crcsv = `$env $ENV{ROOT}/cgi-bin/trainctl export --country CR --year 2026 --format csv`;
is(scalar(csv_rows(decode('UTF-8', $crcsv))) - 1, db_count('CR', 2026),
    'trainctl CSV has every record');
system("$env $ENV{ROOT}/cgi-bin/trainctl export --country GT --year 2026 --anonymous > $tmp/gt-cli.xml");
open my $fh, '>:raw', "$tmp/cr-cli.xml"; print $fh $cr; close $fh;
my $regional = decode('UTF-8',
    scalar `$env $ENV{ROOT}/cgi-bin/trainctl regional-report --lang en $tmp/cr-cli.xml $tmp/gt-cli.xml`);
is($?, 0, 'regional report runs');
my $total = sql_one("SELECT COUNT(DISTINCT c.user_id, c.module_id) FROM completions c JOIN users u ON u.id = c.user_id WHERE u.country IN ('CR', 'GT') AND YEAR(c.completed_at) = 2026 AND c.revoked_at IS NULL");
my $rdoc = XML::LibXML->load_html(string => $regional, recover => 2, suppress_errors => 1);
my @cells = map { $_->textContent } $rdoc->findnodes('//table[1]/tbody/tr/td');
is($cells[2], $total, 'regional total of completions is the sum of both countries');
like($regional, qr/>CR<.*>GT</s, 'regional report has a row per country');
# The same through the site: the Secretariat uploads both files.
sub upload_files {
	my ($c, @files) = @_;
	my $b = 'rcmregional0b0undary';
	my $body = "--$b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$c->{csrf}\r\n"
	    . "--$b\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n";
	for my $i (0 .. $#files) {
		$body .= "--$b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f$i.xml\"\r\n"
		    . "Content-Type: application/xml\r\n\r\n$files[$i]\r\n";
	}
	$body .= "--$b--\r\n";
	return $c->request('POST', '/report/regional',
	    { 'Content-Type' => "multipart/form-data; boundary=$b" }, $body);
}
my $gtxml = do { local (@ARGV, $/) = "$tmp/gt-cli.xml"; <> };
$ts->view('/report/regional');
$r = upload_files($ts, $cr, $gtxml);
is($r->{status}, 200, 'regional report from uploaded files');
my $web_doc = XML::LibXML->load_html(string => decode('UTF-8', $r->{content}), recover => 2, suppress_errors => 1);
my @web_cells = map { $_->textContent } $web_doc->findnodes('//table[1]/tbody/tr/td');
is($web_cells[2], $total, 'the uploaded files give the same regional total');
$r = upload_files($ts, $cr, '<completionRecords xmlns="urn:x-rcm:completion-records:1"/>');
is($r->{status}, 422, 'a file that is not valid completion records is refused');
like($r->{content}, qr/File 2|Archivo 2/, 'and the page says which file');
$r = upload_files($ts, '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>');
is($r->{status}, 422, 'an external entity is not followed');
unlike($r->{content}, qr/root:/, 'no file content leaks');
is($focal->get('/report/regional')->{status}, 403, 'focal points cannot consolidate');

`$env $ENV{ROOT}/cgi-bin/trainctl regional-report /etc/hostname 2>&1`;
isnt($?, 0, 'regional report refuses a file that is not completion records');
`$env $ENV{ROOT}/cgi-bin/trainctl export --country XX --year 2026 2>&1`;
isnt($?, 0, 'trainctl refuses an unknown country');

done_testing;
