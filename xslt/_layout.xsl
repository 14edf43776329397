<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page frame shared by every view: html, header with navigation,
  language switch, main, footer.  A view imports this file and defines a
  template for mode "main" (and optionally "title").  Text is always
  escaped: no disable-output-escaping anywhere in xslt/.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

<xsl:variable name="lang" select="/page/@lang"/>
<xsl:variable name="messages" select="document(concat('i18n/', $lang, '.xml'))/messages"/>
<xsl:variable name="user" select="/page/user"/>
<xsl:variable name="csrf" select="/page/csrf"/>

<!-- A message of the UI catalog by key; the key itself when missing. -->
<xsl:template name="t">
	<xsl:param name="k"/>
	<xsl:variable name="m" select="$messages/m[@k = $k]"/>
	<xsl:choose>
		<xsl:when test="$m"><xsl:value-of select="$m"/></xsl:when>
		<xsl:otherwise><xsl:value-of select="$k"/></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template name="csrf-field">
	<input type="hidden" name="csrf" value="{$csrf}"/>
</xsl:template>

<xsl:template match="/page">
	<html lang="{$lang}">
	<head>
		<meta charset="utf-8"/>
		<meta name="viewport" content="width=device-width, initial-scale=1"/>
		<title>
			<xsl:apply-templates select="." mode="title"/>
			<xsl:text> · </xsl:text>
			<xsl:call-template name="t"><xsl:with-param name="k" select="'site.name'"/></xsl:call-template>
		</title>
		<link rel="stylesheet" href="/static/site.css"/>
		<xsl:apply-templates select="." mode="head"/>
	</head>
	<body>
		<a class="skip" href="#main"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.skip'"/></xsl:call-template></a>
		<header class="site">
			<a class="brand" href="/learn/"><xsl:call-template name="t"><xsl:with-param name="k" select="'site.name'"/></xsl:call-template></a>
			<nav aria-label="{$messages/m[@k='nav.label']}">
				<ul>
					<li><a href="/learn/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.catalog'"/></xsl:call-template></a></li>
					<xsl:if test="$user">
						<li><a href="/learn/progress"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.progress'"/></xsl:call-template></a></li>
						<xsl:if test="$user/@role = 'focal' or $user/@role = 'secretariat' or $user/@role = 'admin'">
							<li><a href="/report/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.report'"/></xsl:call-template></a></li>
						</xsl:if>
						<xsl:if test="$user/@role = 'focal' or $user/@role = 'admin'">
							<li><a href="/admin/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.admin'"/></xsl:call-template></a></li>
						</xsl:if>
						<xsl:if test="$user/@role = 'author' or $user/@role = 'admin'">
							<li><a href="/learn/preview/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.preview'"/></xsl:call-template></a></li>
						</xsl:if>
						<li><a href="/learn/account"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.account'"/></xsl:call-template></a></li>
					</xsl:if>
				</ul>
			</nav>
			<div class="session">
				<xsl:choose>
					<xsl:when test="$user">
						<form method="post" action="/learn/logout" class="inline">
							<xsl:call-template name="csrf-field"/>
							<span class="who"><xsl:value-of select="$user/name"/></span>
							<xsl:text> </xsl:text>
							<button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.logout'"/></xsl:call-template></button>
						</form>
					</xsl:when>
					<xsl:otherwise>
						<a href="/learn/login"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.login'"/></xsl:call-template></a>
					</xsl:otherwise>
				</xsl:choose>
				<form method="post" action="/learn/lang" class="inline lang">
					<xsl:if test="$user"><xsl:call-template name="csrf-field"/></xsl:if>
					<input type="hidden" name="next" value="{/page/@path}"/>
					<xsl:choose>
						<xsl:when test="$lang = 'es'">
							<button type="submit" name="lang" value="en" lang="en">English</button>
						</xsl:when>
						<xsl:otherwise>
							<button type="submit" name="lang" value="es" lang="es">Español</button>
						</xsl:otherwise>
					</xsl:choose>
				</form>
			</div>
		</header>
		<main id="main">
			<xsl:apply-templates select="." mode="main"/>
		</main>
		<footer class="site">
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'site.footer'"/></xsl:call-template></p>
		</footer>
	</body>
	</html>
</xsl:template>

<xsl:template match="/page" mode="head"/>

<!-- Notices carried in the view: <notice key=".."/> -->
<xsl:template match="notice">
	<p class="notice {@kind}" role="status">
		<xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template>
		<xsl:if test="string(.)"><xsl:text> </xsl:text><xsl:value-of select="."/></xsl:if>
	</p>
</xsl:template>

<!-- Sanitised XHTML from markdown: copied node by node. -->
<xsl:template match="*" mode="xhtml">
	<xsl:element name="{local-name()}">
		<xsl:copy-of select="@href | @src | @alt | @title"/>
		<xsl:apply-templates mode="xhtml"/>
	</xsl:element>
</xsl:template>
<xsl:template match="text()" mode="xhtml"><xsl:value-of select="."/></xsl:template>

</xsl:stylesheet>
