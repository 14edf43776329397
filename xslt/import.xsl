<?xml version="1.0" encoding="UTF-8"?>
<!--
  The roster import (/admin/import), in three steps named by import/@step:
    upload   the columns explained, an example, the file form;
    preview  every row checked (or, with import/error, why the whole file
             cannot be read, and the form again), then the confirmation,
             which sends the same text back to be checked again;
    done     what was created and updated, and the button that makes the
             set-password links of the new officers.
  Row errors come from the program as message keys with parameters
  (<error key="roster.sex" p1="robot"/>), shown in the page's language.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:rcm="urn:x-rcm:view" exclude-result-prefixes="rcm">
<xsl:import href="_layout.xsl"/>

<xsl:variable name="imp" select="/page/import"/>
<!-- Administrators choose the country; a focal point imports into theirs. -->
<xsl:variable name="choose-country" select="$imp/@country-fixed = 'no' or (not($imp/@country-fixed) and $user/@role = 'admin')"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="concat('import.title.', $imp/@step)"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<p class="crumb"><a href="/admin/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.admin'"/></xsl:call-template></a></p>
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('import.title.', $imp/@step)"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<xsl:apply-templates select="$imp"/>
</xsl:template>

<!-- Step 1: explain the file, then ask for it. -->
<xsl:template match="import[@step = 'upload']">
	<p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.intro'"/></xsl:call-template></p>
	<xsl:call-template name="upload-form"/>
	<xsl:call-template name="columns"/>
</xsl:template>

<!-- Step 2: the whole file is unreadable; say why and ask again. -->
<xsl:template match="import[@step = 'preview' and error]">
	<section class="notice error" role="alert" aria-labelledby="unreadable-h">
		<h2 id="unreadable-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.unreadable'"/></xsl:call-template></h2>
		<p class="detail"><xsl:apply-templates select="error" mode="message"/></p>
		<p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.unreadable.help'"/></xsl:call-template></p>
	</section>
	<xsl:call-template name="upload-form"/>
	<xsl:call-template name="columns"/>
</xsl:template>

<!-- Step 2: every row checked, then the confirmation. -->
<xsl:template match="import[@step = 'preview' and not(error)]">
	<xsl:variable name="good" select="@creates + @updates"/>
	<p>
		<xsl:call-template name="tr">
			<xsl:with-param name="k" select="'import.preview.intro'"/>
			<xsl:with-param name="p1" select="count(row)"/>
			<xsl:with-param name="p2">
				<xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', @country)"/></xsl:call-template>
			</xsl:with-param>
		</xsl:call-template>
	</p>
	<ul class="figures">
		<li><span class="n"><xsl:value-of select="@creates"/></span><xsl:text> </xsl:text><span class="l"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.creates'"/></xsl:call-template></span></li>
		<li><span class="n"><xsl:value-of select="@updates"/></span><xsl:text> </xsl:text><span class="l"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.updates'"/></xsl:call-template></span></li>
		<li>
			<xsl:if test="@errors &gt; 0"><xsl:attribute name="class">bad</xsl:attribute></xsl:if>
			<span class="n"><xsl:value-of select="@errors"/></span><xsl:text> </xsl:text><span class="l"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.errors'"/></xsl:call-template></span>
		</li>
	</ul>

	<xsl:if test="@errors &gt; 0">
		<section class="notice error" aria-labelledby="errors-h">
			<h2 id="errors-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.errors.title'"/></xsl:call-template></h2>
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.errors.skipped'"/></xsl:call-template></p>
			<ul>
				<xsl:for-each select="row[@action = 'error']">
					<li>
						<a href="#line-{@line}">
							<xsl:call-template name="tr">
								<xsl:with-param name="k" select="'import.line'"/>
								<xsl:with-param name="p1" select="@line"/>
							</xsl:call-template>
						</a>
						<xsl:text>: </xsl:text>
						<span><xsl:apply-templates select="error" mode="message"/></span>
					</li>
				</xsl:for-each>
			</ul>
		</section>
	</xsl:if>

	<h2 id="rows-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.rows'"/></xsl:call-template></h2>
	<div class="table">
		<table class="st">
			<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.rows'"/></xsl:call-template></caption>
			<thead>
				<tr>
					<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.col.line'"/></xsl:call-template></th>
					<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.col.action'"/></xsl:call-template></th>
					<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.email'"/></xsl:call-template></th>
					<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.col.name'"/></xsl:call-template></th>
					<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.agency'"/></xsl:call-template></th>
					<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.col.sex'"/></xsl:call-template></th>
					<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'account.lang'"/></xsl:call-template></th>
				</tr>
			</thead>
			<tbody>
				<xsl:apply-templates select="row"/>
			</tbody>
		</table>
	</div>

	<xsl:choose>
		<xsl:when test="$good &gt; 0">
			<h2 id="confirm-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.confirm.title'"/></xsl:call-template></h2>
			<form method="post" action="/admin/import/confirm" enctype="multipart/form-data" class="stack" aria-labelledby="confirm-h">
				<xsl:call-template name="csrf-field"/>
				<input type="hidden" name="country" value="{@country}"/>
				<details>
					<summary><xsl:call-template name="t"><xsl:with-param name="k" select="'import.file.show'"/></xsl:call-template></summary>
					<div class="f">
						<label for="roster"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.file.label'"/></xsl:call-template></label>
						<!-- A browser drops one newline right after <textarea>: give it one. -->
						<textarea id="roster" name="roster" readonly="readonly" rows="8" cols="60" spellcheck="false"><xsl:text>&#10;</xsl:text><xsl:value-of select="roster"/></textarea>
					</div>
				</details>
				<p>
					<xsl:call-template name="tr">
						<xsl:with-param name="k" select="'import.confirm.what'"/>
						<xsl:with-param name="p1" select="@creates"/>
						<xsl:with-param name="p2" select="@updates"/>
					</xsl:call-template>
					<xsl:if test="@errors &gt; 0">
						<xsl:text> </xsl:text>
						<xsl:call-template name="tr">
							<xsl:with-param name="k" select="'import.confirm.skip'"/>
							<xsl:with-param name="p1" select="@errors"/>
						</xsl:call-template>
					</xsl:if>
				</p>
				<p class="actions">
					<button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.confirm'"/></xsl:call-template></button>
					<xsl:text> </xsl:text>
					<a href="/admin/import"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.again'"/></xsl:call-template></a>
				</p>
			</form>
		</xsl:when>
		<xsl:otherwise>
			<p class="notice error" role="alert"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.nothing'"/></xsl:call-template></p>
			<p><a class="button" href="/admin/import"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.again'"/></xsl:call-template></a></p>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template match="row">
	<tr id="line-{@line}">
		<xsl:if test="@action = 'error'"><xsl:attribute name="class">error</xsl:attribute></xsl:if>
		<th scope="row" data-l="{rcm:t($lang, 'import.col.line')}"><xsl:value-of select="@line"/></th>
		<td class="t2" data-l="{rcm:t($lang, 'import.col.action')}">
			<span class="badge {@action}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('import.action.', @action)"/></xsl:call-template></span>
			<xsl:if test="error">
				<xsl:text> </xsl:text>
				<span class="why"><xsl:apply-templates select="error" mode="message"/></span>
			</xsl:if>
		</td>
		<td class="t" data-l="{rcm:t($lang, 'admin.col.email')}"><xsl:value-of select="email"/></td>
		<td class="t" data-l="{rcm:t($lang, 'admin.col.name')}"><xsl:value-of select="name"/></td>
		<td class="t" data-l="{rcm:t($lang, 'dash.col.agency')}"><xsl:value-of select="agency"/></td>
		<td data-l="{rcm:t($lang, 'dash.col.sex')}">
			<xsl:choose>
				<xsl:when test="@sex = 'unspecified'"><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.sex.unspecified'"/></xsl:call-template></xsl:when>
				<xsl:when test="rcm:t($lang, concat('sex.', current()/@sex))"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('sex.', @sex)"/></xsl:call-template></xsl:when>
				<xsl:otherwise><xsl:value-of select="@sex"/></xsl:otherwise>
			</xsl:choose>
		</td>
		<td data-l="{rcm:t($lang, 'account.lang')}">
			<xsl:choose>
				<xsl:when test="rcm:t($lang, concat('lang.name.', current()/@lang))"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('lang.name.', @lang)"/></xsl:call-template></xsl:when>
				<xsl:otherwise><xsl:value-of select="@lang"/></xsl:otherwise>
			</xsl:choose>
		</td>
	</tr>
</xsl:template>

<!-- Step 3: done. -->
<xsl:template match="import[@step = 'done']">
	<section class="done" aria-labelledby="done-h">
		<h2 id="done-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.done.saved'"/></xsl:call-template></h2>
		<dl class="facts">
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'import.creates'"/></xsl:call-template></dt>
			<dd><xsl:value-of select="@creates"/></dd>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'import.updates'"/></xsl:call-template></dt>
			<dd><xsl:value-of select="@updates"/></dd>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dash.country'"/></xsl:call-template></dt>
			<dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', @country)"/></xsl:call-template></dd>
			<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'progress.col.date'"/></xsl:call-template></dt>
			<dd><xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template></dd>
		</dl>
	</section>
	<h2 id="links-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.links.title'"/></xsl:call-template></h2>
	<xsl:choose>
		<xsl:when test="@creates &gt; 0">
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.links.intro'"/></xsl:call-template></p>
			<form method="post" action="/admin/import/{@id}/links" aria-labelledby="links-h">
				<xsl:call-template name="csrf-field"/>
				<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.links.download'"/></xsl:call-template></button></p>
			</form>
			<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.links.rules'"/></xsl:call-template></p>
		</xsl:when>
		<xsl:otherwise>
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.links.none'"/></xsl:call-template></p>
		</xsl:otherwise>
	</xsl:choose>
	<ul class="plain">
		<li><a href="/admin/"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.back'"/></xsl:call-template></a></li>
		<li><a href="/admin/import"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.another'"/></xsl:call-template></a></li>
	</ul>
</xsl:template>

<!-- The file form, with the country for administrators. -->
<xsl:template name="upload-form">
	<form method="post" action="/admin/import" enctype="multipart/form-data" class="stack upload">
		<xsl:call-template name="csrf-field"/>
		<xsl:choose>
			<xsl:when test="$choose-country">
				<div class="f">
					<label for="country"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.country'"/></xsl:call-template></label>
					<select id="country" name="country" required="required">
						<option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'import.country.choose'"/></xsl:call-template></option>
						<xsl:call-template name="country-options">
							<xsl:with-param name="selected" select="string($imp/@country)"/>
						</xsl:call-template>
					</select>
				</div>
			</xsl:when>
			<xsl:when test="string($imp/@country)">
				<p>
					<xsl:call-template name="tr">
						<xsl:with-param name="k" select="'import.country.fixed'"/>
						<xsl:with-param name="p1">
							<xsl:call-template name="t"><xsl:with-param name="k" select="concat('country.', $imp/@country)"/></xsl:call-template>
						</xsl:with-param>
					</xsl:call-template>
				</p>
			</xsl:when>
		</xsl:choose>
		<div class="f">
			<label for="roster"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.file'"/></xsl:call-template></label>
			<input type="file" id="roster" name="roster" accept=".csv,text/csv" required="required" aria-describedby="roster-help"/>
			<div class="small" id="roster-help"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.file.help'"/></xsl:call-template></div>
		</div>
		<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.check'"/></xsl:call-template></button></p>
	</form>
</xsl:template>

<!-- What the file must hold, with an example. -->
<xsl:template name="columns">
	<section aria-labelledby="columns-h">
		<h2 id="columns-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.columns'"/></xsl:call-template></h2>
		<p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.columns.intro'"/></xsl:call-template></p>
		<div class="table">
			<table class="st">
				<caption class="vh"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.columns'"/></xsl:call-template></caption>
				<thead>
					<tr>
						<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.col.column'"/></xsl:call-template></th>
						<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.col.required'"/></xsl:call-template></th>
						<th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.col.values'"/></xsl:call-template></th>
					</tr>
				</thead>
				<tbody>
					<xsl:call-template name="column"><xsl:with-param name="c" select="'email'"/><xsl:with-param name="req" select="1"/></xsl:call-template>
					<xsl:call-template name="column"><xsl:with-param name="c" select="'full_name'"/><xsl:with-param name="req" select="1"/></xsl:call-template>
					<xsl:call-template name="column"><xsl:with-param name="c" select="'agency'"/><xsl:with-param name="req" select="1"/></xsl:call-template>
					<xsl:call-template name="column"><xsl:with-param name="c" select="'sex'"/></xsl:call-template>
					<xsl:call-template name="column"><xsl:with-param name="c" select="'language'"/></xsl:call-template>
					<xsl:call-template name="column"><xsl:with-param name="c" select="'country'"/></xsl:call-template>
				</tbody>
			</table>
		</div>
		<p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.save-as'"/></xsl:call-template></p>
		<p id="example-h"><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'import.example'"/></xsl:call-template></strong></p>
		<pre aria-labelledby="example-h"><code><xsl:call-template name="t"><xsl:with-param name="k" select="'import.example.csv'"/></xsl:call-template></code></pre>
		<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.again.help'"/></xsl:call-template></p>
	</section>
</xsl:template>

<xsl:template name="column">
	<xsl:param name="c"/>
	<xsl:param name="req"/>
	<tr>
		<th scope="row"><code><xsl:value-of select="$c"/></code></th>
		<td data-l="{rcm:t($lang, 'import.col.required')}">
			<xsl:choose>
				<xsl:when test="$req"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.yes'"/></xsl:call-template></xsl:when>
				<xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.no'"/></xsl:call-template></xsl:otherwise>
			</xsl:choose>
		</td>
		<td class="t2" data-l="{rcm:t($lang, 'import.col.values')}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('import.col.', $c)"/></xsl:call-template></td>
	</tr>
</xsl:template>

</xsl:stylesheet>
