# Helpers for the integration tests: a small HTTP client with a cookie jar
# that talks to the nginx started by tests/run.sh, and direct SQL through
# the mariadb client to check what reached the database.
package RCMTest;
use strict;
use warnings;
use HTTP::Tiny;
use XML::LibXML;
use Exporter 'import';
our @EXPORT = qw(sql sql_one stack base_url xpath xml_of);

sub base_url { "http://127.0.0.1:$ENV{HTTP_PORT}" }

sub new {
	my ($class) = @_;
	return bless {
		ua => HTTP::Tiny->new(max_redirect => 0, timeout => 30,
		    agent => 'rcm-tests'),
		cookies => {},
		lang => 'en',
	}, $class;
}

sub _cookie_header {
	my ($self) = @_;
	return join '; ', map { "$_=$self->{cookies}{$_}" }
	    sort keys %{$self->{cookies}};
}

sub _remember {
	my ($self, $res) = @_;
	my $sc = $res->{headers}{'set-cookie'};
	return unless defined $sc;
	for my $c (ref $sc ? @$sc : ($sc)) {
		my ($name, $value) = $c =~ /^([^=]+)=([^;]*)/ or next;
		if ($c =~ /Max-Age=0\b/i) {
			delete $self->{cookies}{$name};
		} else {
			$self->{cookies}{$name} = $value;
		}
	}
}

# request(METHOD, PATH, {headers}, BODY): the HTTP::Tiny response.
sub request {
	my ($self, $method, $path, $headers, $body) = @_;
	my %h = (%{$headers // {}});
	$h{Cookie} = $self->_cookie_header if %{$self->{cookies}};
	$h{'Accept-Language'} //= $self->{lang};
	my %opt = (headers => \%h);
	$opt{content} = $body if defined $body;
	my $res = $self->{ua}->request($method, base_url() . $path, \%opt);
	$self->_remember($res);
	return $res;
}

sub get { my ($self, $path, %h) = @_; $self->request('GET', $path, \%h) }

sub form_encode {
	my (@pairs) = @_;
	my @out;
	while (my ($k, $v) = splice @pairs, 0, 2) {
		for ($k, $v) {
			utf8::encode($_) if utf8::is_utf8($_);
			s/([^A-Za-z0-9_.~-])/sprintf '%%%02X', ord $1/ge;
		}
		push @out, "$k=$v";
	}
	return join '&', @out;
}

# post(PATH, key => value, ...): urlencoded, with the CSRF token added.
sub post {
	my ($self, $path, @pairs) = @_;
	push @pairs, csrf => $self->{csrf} if defined $self->{csrf} &&
	    !grep { $_ eq 'csrf' } @pairs[grep { !($_ % 2) } 0 .. $#pairs];
	return $self->request('POST', $path,
	    { 'Content-Type' => 'application/x-www-form-urlencoded' },
	    form_encode(@pairs));
}

# The view document of a page, as XML::LibXML document.
sub view {
	my ($self, $path) = @_;
	my $res = $self->get("$path.xml");
	die "GET $path.xml: $res->{status}\n$res->{content}" unless $res->{status} == 200;
	my $doc = XML::LibXML->load_xml(string => $res->{content}, no_network => 1);
	my ($csrf) = $doc->findnodes('/page/csrf');
	$self->{csrf} = $csrf->textContent if $csrf;
	return $doc;
}

sub login {
	my ($self, $email, $password) = @_;
	my $res = $self->post('/learn/login', email => $email,
	    password => $password // 'demo-password-2026');
	$self->view('/learn/') if $res->{status} == 303;
	return $res;
}

sub xml_of { XML::LibXML->load_xml(string => $_[0], no_network => 1) }

sub xpath {
	my ($doc, $expr) = @_;
	return $doc->findvalue($expr);
}

# Rows of a query as array refs, run as the database's root.
sub sql {
	my ($q) = @_;
	open my $fh, '-|:encoding(UTF-8)', 'mariadb', "--defaults-file=$ENV{VAR}/secrets/root.cnf",
	    '-N', '-B', 'rcm', '-e', $q or die "mariadb: $!";
	my @rows = map { chomp; [split /\t/, $_, -1] } <$fh>;
	close $fh;
	# A broken query in a test must fail the test, not pass quietly.
	die "SQL failed: $q\n" if $? != 0;
	return @rows;
}

sub sql_one { my @r = sql(@_); return @r ? $r[0][0] : undef }

sub stack { system('sh', "$ENV{ROOT}/conf/stack.sh", @_) == 0 }

1;
