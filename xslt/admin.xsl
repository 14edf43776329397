<?xml version="1.0" encoding="UTF-8"?>
<!--
  Accounts (/admin/): the accounts this user manages, paged, each with a
  button that makes a new set-password link; the roster import link; the
  form that revokes a certificate.  After POST /admin/users/ID/link the
  same view carries <link> instead: the new link, to hand to the officer.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:rcm="urn:x-rcm:view" exclude-result-prefixes="rcm">
<xsl:import href="_layout.xsl"/>

<xsl:variable name="is-admin" select="$user/@role = 'admin'"/>

<xsl:template match="/page" mode="title">
	<xsl:choose>
		<xsl:when test="link"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.link.title'"/></xsl:call-template></xsl:when>
		<xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.title'"/></xsl:call-template></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:choose>
		<xsl:when test="link">
			<xsl:apply-templates select="link"/>
		</xsl:when>
		<xsl:otherwise>
			<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.title'"/></xsl:call-template></h1>
			<xsl:call-template name="notices"/>
			<xsl:apply-templates select="accounts"/>
			<xsl:call-template name="revoke-form"/>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- The new set-password link of one account. -->
<xsl:template match="link">
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.link.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<section class="done" aria-labelledby="link-h">
		<h2 id="link-h">
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'admin.link.for'"/>
				<xsl:with-param name="p1" select="name"/>
			</xsl:call-template>
		</h2>
		<dl class="facts">
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.name'"/></xsl:call-template></dt>
			<dd><xsl:value-of select="name"/></dd>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.email'"/></xsl:call-template></dt>
			<dd><xsl:value-of select="email"/></dd>
		</dl>
		<p><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.link.label'"/></xsl:call-template></strong></p>
		<p class="linkbox"><code class="url"><xsl:value-of select="url"/></code></p>
	</section>
	<p><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.link.how'"/></xsl:call-template></p>
	<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.link.rules'"/></xsl:call-template></p>
	<p><a href="/admin/"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.back'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="accounts">
	<p class="actions">
		<a class="button" href="/admin/import"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.import'"/></xsl:call-template></a>
	</p>
	<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.import.help'"/></xsl:call-template></p>

	<h2 id="accounts-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.accounts'"/></xsl:call-template></h2>
	<xsl:if test="$is-admin">
		<form method="get" action="/admin/" class="filters stack">
			<div class="f">
				<label for="country"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.country'"/></xsl:call-template></label>
				<select id="country" name="country">
					<option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.all-countries'"/></xsl:call-template></option>
					<xsl:call-template name="country-options">
						<xsl:with-param name="selected" select="string(@country)"/>
					</xsl:call-template>
				</select>
			</div>
			<div class="f">
				<button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.apply'"/></xsl:call-template></button>
			</div>
		</form>
	</xsl:if>
	<xsl:choose>
		<xsl:when test="account">
			<p class="small">
				<xsl:call-template name="tr">
					<xsl:with-param name="k" select="concat('admin.count', substring('.one', 1, 4 * (@total = 1)))"/>
					<xsl:with-param name="p1" select="@total"/>
					<xsl:with-param name="p2" select="@page"/>
					<xsl:with-param name="p3" select="@pages"/>
				</xsl:call-template>
			</p>
			<div class="table">
				<table class="st">
					<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.accounts'"/></xsl:call-template></caption>
					<thead>
						<tr>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.name-email'"/></xsl:call-template></th>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.agency'"/></xsl:call-template></th>
							<xsl:if test="$is-admin">
								<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.role'"/></xsl:call-template></th>
								<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.country'"/></xsl:call-template></th>
							</xsl:if>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.sex'"/></xsl:call-template></th>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.active'"/></xsl:call-template></th>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.password'"/></xsl:call-template></th>
							<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.link'"/></xsl:call-template></th>
						</tr>
					</thead>
					<tbody>
						<xsl:apply-templates select="account"/>
					</tbody>
				</table>
			</div>
			<xsl:if test="@pages &gt; 1">
				<xsl:variable name="base">
					<xsl:text>/admin/?</xsl:text>
					<xsl:if test="$is-admin and string(@country)">country=<xsl:value-of select="@country"/>&amp;</xsl:if>
					<xsl:text>page=</xsl:text>
				</xsl:variable>
				<nav class="pager" aria-label="{rcm:t($lang, 'dash.pages')}">
					<xsl:if test="@page &gt; 1">
						<a rel="prev" href="{$base}{@page - 1}"><xsl:call-template name="t"><xsl:with-param name="k" select="'pager.prev'"/></xsl:call-template></a>
					</xsl:if>
					<span>
						<xsl:call-template name="tr">
							<xsl:with-param name="k" select="'pager.page'"/>
							<xsl:with-param name="p1" select="@page"/>
							<xsl:with-param name="p2" select="@pages"/>
						</xsl:call-template>
					</span>
					<xsl:if test="@page &lt; @pages">
						<a rel="next" href="{$base}{@page + 1}"><xsl:call-template name="t"><xsl:with-param name="k" select="'pager.next'"/></xsl:call-template></a>
					</xsl:if>
				</nav>
			</xsl:if>
			<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.link.help'"/></xsl:call-template></p>
		</xsl:when>
		<xsl:otherwise>
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.none'"/></xsl:call-template></p>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template match="account">
	<tr>
		<xsl:if test="@active = 'no'"><xsl:attribute name="class">inactive</xsl:attribute></xsl:if>
		<th scope="row">
			<xsl:value-of select="name"/>
			<br/>
			<span class="small"><xsl:value-of select="email"/></span>
		</th>
		<td class="t" data-l="{rcm:t($lang, 'dash.col.agency')}"><xsl:value-of select="agency"/></td>
		<xsl:if test="$is-admin">
			<td data-l="{rcm:t($lang, 'admin.col.role')}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', @role)"/></xsl:call-template></td>
			<td data-l="{rcm:t($lang, 'dash.country')}">
				<xsl:choose>
					<xsl:when test="string(@country)"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', @country)"/></xsl:call-template></xsl:when>
					<xsl:otherwise>—</xsl:otherwise>
				</xsl:choose>
			</td>
		</xsl:if>
		<td data-l="{rcm:t($lang, 'dash.col.sex')}">
			<xsl:choose>
				<xsl:when test="@sex = 'unspecified'"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.sex.unspecified'"/></xsl:call-template></xsl:when>
				<xsl:when test="string(@sex)"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('sex.', @sex)"/></xsl:call-template></xsl:when>
				<xsl:otherwise>—</xsl:otherwise>
			</xsl:choose>
		</td>
		<td data-l="{rcm:t($lang, 'admin.col.active')}">
			<xsl:choose>
				<xsl:when test="@active = 'yes'"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.yes'"/></xsl:call-template></xsl:when>
				<xsl:otherwise><span class="badge failed"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.no'"/></xsl:call-template></span></xsl:otherwise>
			</xsl:choose>
		</td>
		<td data-l="{rcm:t($lang, 'admin.col.password')}">
			<xsl:choose>
				<xsl:when test="@password = 'yes'"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.yes'"/></xsl:call-template></xsl:when>
				<xsl:otherwise><span class="badge in-progress"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.no'"/></xsl:call-template></span></xsl:otherwise>
			</xsl:choose>
		</td>
		<td class="t">
			<form method="post" action="/admin/users/{@id}/link" class="inline">
				<xsl:call-template name="csrf-field"/>
				<button type="submit" class="compact">
					<xsl:call-template name="t"><xsl:with-param name="k" select="'admin.link.create'"/></xsl:call-template>
					<span class="vh">
						<xsl:text> </xsl:text>
						<xsl:call-template name="tr">
							<xsl:with-param name="k" select="'admin.link.create.for'"/>
							<xsl:with-param name="p1" select="name"/>
						</xsl:call-template>
					</span>
				</button>
			</form>
		</td>
	</tr>
</xsl:template>

<!--
  Revocation.  The code must be typed exactly as printed (20 capital
  letters and digits); the box without a name is only there to make the
  browser ask for a second thought, the server never sees it.
-->
<xsl:template name="revoke-form">
	<section aria-labelledby="revoke-h">
		<h2 id="revoke-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.revoke'"/></xsl:call-template></h2>
		<p><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.revoke.intro'"/></xsl:call-template></p>
		<form method="post" action="/admin/revoke" class="stack">
			<xsl:call-template name="csrf-field"/>
			<div class="f">
				<label for="code"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.code'"/></xsl:call-template></label>
				<input type="text" id="code" name="code" required="required" minlength="20" maxlength="20" pattern="[0-9A-HJKMNP-TV-Z]{{20}}" autocapitalize="characters" autocomplete="off" spellcheck="false" aria-describedby="code-help" class="code"/>
				<div class="small" id="code-help"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.revoke.code.help'"/></xsl:call-template></div>
			</div>
			<div class="f tick">
				<input type="checkbox" id="revoke-sure" required="required"/>
				<xsl:text> </xsl:text>
				<label for="revoke-sure"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.revoke.sure'"/></xsl:call-template></label>
			</div>
			<p><button type="submit" class="danger"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.revoke.submit'"/></xsl:call-template></button></p>
		</form>
	</section>
</xsl:template>

</xsl:stylesheet>
