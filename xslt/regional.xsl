<?xml version="1.0" encoding="UTF-8"?>
<!--
  The Secretariat's regional report (/report/regional): a form to upload
  the completion-records files the member countries sent, and, when one
  is refused, which file and why.  The report itself is made by
  yearly-report.xsl from the files' summaries.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'regional.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'regional.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<p><xsl:call-template name="t"><xsl:with-param name="k" select="'regional.intro'"/></xsl:call-template></p>
	<xsl:if test="regional/problems/problem">
		<section class="notice error" role="alert" aria-labelledby="problems-h">
			<h2 id="problems-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'regional.refused'"/></xsl:call-template></h2>
			<ul>
				<xsl:for-each select="regional/problems/problem">
					<li>
						<xsl:call-template name="tr">
							<xsl:with-param name="k" select="'regional.file'"/>
							<xsl:with-param name="p1" select="@file"/>
						</xsl:call-template>
						<xsl:text>: </xsl:text>
						<span lang="en"><xsl:value-of select="."/></span>
					</li>
				</xsl:for-each>
			</ul>
		</section>
	</xsl:if>
	<form method="post" action="/report/regional" enctype="multipart/form-data" class="stack">
		<xsl:call-template name="csrf-field"/>
		<div class="f">
			<label for="file"><xsl:call-template name="t"><xsl:with-param name="k" select="'regional.files'"/></xsl:call-template></label>
			<input type="file" id="file" name="file" multiple="multiple" required="required" accept=".xml,application/xml,text/xml" aria-describedby="filehelp"/>
			<div class="small" id="filehelp"><xsl:call-template name="t"><xsl:with-param name="k" select="'regional.files.help'"/></xsl:call-template></div>
		</div>
		<div class="f">
			<label for="lang-r"><xsl:call-template name="t"><xsl:with-param name="k" select="'regional.lang'"/></xsl:call-template></label>
			<select id="lang-r" name="lang">
				<option value="es"><xsl:if test="$lang = 'es'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Español</option>
				<option value="en"><xsl:if test="$lang = 'en'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>English</option>
			</select>
		</div>
		<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'regional.submit'"/></xsl:call-template></button></p>
	</form>
</xsl:template>

</xsl:stylesheet>
