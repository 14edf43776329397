<?xml version="1.0" encoding="UTF-8"?>
<!--
  The account (/learn/account): e-mail and country (read only), the
  profile form (name, agency, sex, language) and the password form.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'account.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'account.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<xsl:apply-templates select="account"/>
</xsl:template>

<xsl:template match="account">
	<dl class="facts">
		<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'account.email'"/></xsl:call-template></dt>
		<dd><xsl:value-of select="email"/></dd>
		<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'account.country'"/></xsl:call-template></dt>
		<dd>
			<xsl:choose>
				<xsl:when test="string(@country)">
					<xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', @country)"/></xsl:call-template>
				</xsl:when>
				<xsl:otherwise>—</xsl:otherwise>
			</xsl:choose>
		</dd>
	</dl>
	<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.fixed'"/></xsl:call-template></p>

	<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'account.profile'"/></xsl:call-template></h2>
	<form method="post" action="/learn/account" class="stack">
		<xsl:call-template name="csrf-field"/>
		<div class="f">
			<label for="full_name"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.full-name'"/></xsl:call-template></label>
			<input type="text" id="full_name" name="full_name" value="{full-name}" autocomplete="name" required="required" maxlength="200"/>
		</div>
		<div class="f">
			<label for="agency"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.agency'"/></xsl:call-template></label>
			<input type="text" id="agency" name="agency" value="{agency}" autocomplete="organization" maxlength="200"/>
		</div>
		<div class="f">
			<label for="sex"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.sex'"/></xsl:call-template></label>
			<select id="sex" name="sex">
				<xsl:variable name="cur" select="string(@sex)"/>
				<xsl:for-each select="sex-option">
					<option value="{.}">
						<xsl:if test=". = $cur or ($cur = '' and . = 'unspecified')"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
						<xsl:call-template name="t"><xsl:with-param name="k" select="concat('sex.', .)"/></xsl:call-template>
					</option>
				</xsl:for-each>
			</select>
			<div class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.sex.why'"/></xsl:call-template></div>
		</div>
		<div class="f">
			<label for="lang"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.lang'"/></xsl:call-template></label>
			<select id="lang" name="lang">
				<option value="es" lang="es"><xsl:if test="@lang = 'es'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Español</option>
				<option value="en" lang="en"><xsl:if test="@lang = 'en'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>English</option>
			</select>
		</div>
		<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.save'"/></xsl:call-template></button></p>
	</form>

	<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'account.password'"/></xsl:call-template></h2>
	<form method="post" action="/learn/password" class="stack">
		<xsl:call-template name="csrf-field"/>
		<div class="f">
			<label for="password"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.password.current'"/></xsl:call-template></label>
			<input type="password" id="password" name="password" autocomplete="current-password" required="required"/>
		</div>
		<div class="f">
			<label for="new_password"><xsl:call-template name="t"><xsl:with-param name="k" select="'password.new'"/></xsl:call-template></label>
			<input type="password" id="new_password" name="new_password" autocomplete="new-password" required="required" minlength="8" aria-describedby="pwhelp"/>
			<div class="small" id="pwhelp"><xsl:call-template name="t"><xsl:with-param name="k" select="'password.rule'"/></xsl:call-template></div>
		</div>
		<div class="f">
			<label for="new_password2"><xsl:call-template name="t"><xsl:with-param name="k" select="'password.again'"/></xsl:call-template></label>
			<input type="password" id="new_password2" name="new_password2" autocomplete="new-password" required="required" minlength="8"/>
		</div>
		<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.password.change'"/></xsl:call-template></button></p>
	</form>
</xsl:template>

</xsl:stylesheet>
