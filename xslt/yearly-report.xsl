<?xml version="1.0" encoding="UTF-8"?>
<!--
  The regional yearly report of the RCM Technical Secretariat, built from
  the completion-records files that member countries send.  The input is
  a manifest naming the files:
      <reports><file href="cr-2026.xml"/><file href="gt-2026.xml"/></reports>
  (`trainctl regional-report FILE...` writes it for you).  Totals are the
  sums of each file's summary, which its database computed: records are
  never walked, so personal data is not needed and files exported with
  "anonymous" exports work as well.
      xsltproc -stringparam lang en xslt/yearly-report.xsl manifest.xml
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:cr="urn:x-rcm:completion-records:1"
	exclude-result-prefixes="cr">
<xsl:import href="_report-strings.xsl"/>
<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

<!-- Files named in the manifest, or (from the site's upload form) their
     summaries embedded in it. -->
<xsl:variable name="docs" select="document(/reports/file/@href, /)/cr:completionRecords | /reports/cr:completionRecords"/>
<xsl:variable name="sums" select="$docs/cr:summary"/>

<xsl:template match="/reports">
	<html lang="{$lang}">
	<head>
		<meta charset="utf-8"/>
		<title><xsl:call-template name="s"><xsl:with-param name="k" select="'regional'"/></xsl:call-template></title>
		<xsl:call-template name="report-css"/>
	</head>
	<body>
		<h1><xsl:call-template name="s"><xsl:with-param name="k" select="'regional'"/></xsl:call-template></h1>
		<p><xsl:call-template name="s"><xsl:with-param name="k" select="'title'"/></xsl:call-template></p>
		<p>
			<xsl:call-template name="s"><xsl:with-param name="k" select="'period'"/></xsl:call-template>:
			<xsl:for-each select="$docs">
				<xsl:sort select="@periodStart"/>
				<xsl:if test="position() = 1"><xsl:value-of select="@periodStart"/></xsl:if>
			</xsl:for-each>
			<xsl:text> – </xsl:text>
			<xsl:for-each select="$docs">
				<xsl:sort select="@periodEnd" order="descending"/>
				<xsl:if test="position() = 1"><xsl:value-of select="@periodEnd"/></xsl:if>
			</xsl:for-each>
			<xsl:text> · </xsl:text>
			<xsl:call-template name="s"><xsl:with-param name="k" select="'files'"/></xsl:call-template>:
			<xsl:value-of select="count($docs)"/>
		</p>

		<h2><xsl:call-template name="s"><xsl:with-param name="k" select="'totals'"/></xsl:call-template></h2>
		<table>
			<thead><tr>
				<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'enrolled'"/></xsl:call-template></th>
				<xsl:call-template name="heads"/>
			</tr></thead>
			<tbody><tr>
				<td class="n"><xsl:value-of select="sum($sums/cr:total/@enrolled)"/></td>
				<xsl:call-template name="sums"><xsl:with-param name="n" select="$sums/cr:total"/></xsl:call-template>
			</tr></tbody>
		</table>

		<h2><xsl:call-template name="s"><xsl:with-param name="k" select="'by-country'"/></xsl:call-template></h2>
		<table>
			<thead><tr>
				<th><xsl:call-template name="s"><xsl:with-param name="k" select="'country'"/></xsl:call-template></th>
				<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'enrolled'"/></xsl:call-template></th>
				<xsl:call-template name="heads"/>
			</tr></thead>
			<tbody>
				<xsl:for-each select="$docs">
					<xsl:sort select="cr:issuer/@country"/>
					<tr>
						<th scope="row"><xsl:value-of select="cr:issuer/@country"/></th>
						<td class="n"><xsl:value-of select="cr:summary/cr:total/@enrolled"/></td>
						<xsl:call-template name="sums"><xsl:with-param name="n" select="cr:summary/cr:total"/></xsl:call-template>
					</tr>
				</xsl:for-each>
			</tbody>
		</table>

		<xsl:call-template name="dimension">
			<xsl:with-param name="title" select="'by-module'"/>
			<xsl:with-param name="rows" select="$sums/cr:byModule"/>
			<xsl:with-param name="attr" select="'module'"/>
		</xsl:call-template>
		<xsl:call-template name="dimension">
			<xsl:with-param name="title" select="'by-sex'"/>
			<xsl:with-param name="rows" select="$sums/cr:bySex"/>
			<xsl:with-param name="attr" select="'sex'"/>
		</xsl:call-template>
		<xsl:call-template name="dimension">
			<xsl:with-param name="title" select="'by-agency'"/>
			<xsl:with-param name="rows" select="$sums/cr:byAgency"/>
			<xsl:with-param name="attr" select="'agency'"/>
		</xsl:call-template>

		<h2><xsl:call-template name="s"><xsl:with-param name="k" select="'by-month'"/></xsl:call-template></h2>
		<table>
			<thead><tr><xsl:for-each select="$sums[1]/cr:byMonth"><th class="n"><xsl:value-of select="@month"/></th></xsl:for-each></tr></thead>
			<tbody><tr>
				<xsl:for-each select="$sums[1]/cr:byMonth">
					<xsl:variable name="m" select="@month"/>
					<td class="n"><xsl:value-of select="sum($sums/cr:byMonth[@month = $m]/@completed)"/></td>
				</xsl:for-each>
			</tr></tbody>
		</table>
		<p class="note"><xsl:call-template name="s"><xsl:with-param name="k" select="'definitions'"/></xsl:call-template></p>
	</body>
	</html>
</xsl:template>

<xsl:template name="heads">
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'started'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'completed'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'attempted'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'passed'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'pass-rate'"/></xsl:call-template></th>
</xsl:template>

<xsl:template name="sums">
	<xsl:param name="n"/>
	<td class="n"><xsl:value-of select="sum($n/@started)"/></td>
	<td class="n"><xsl:value-of select="sum($n/@completed)"/></td>
	<td class="n"><xsl:value-of select="sum($n/@attempted)"/></td>
	<td class="n"><xsl:value-of select="sum($n/@passed)"/></td>
	<td class="n">
		<xsl:call-template name="rate">
			<xsl:with-param name="passed" select="sum($n/@passed)"/>
			<xsl:with-param name="attempted" select="sum($n/@attempted)"/>
		</xsl:call-template>
	</td>
</xsl:template>

<!-- One row per distinct value across all files, summed. -->
<xsl:template name="dimension">
	<xsl:param name="title"/>
	<xsl:param name="rows"/>
	<xsl:param name="attr"/>
	<xsl:if test="$rows">
		<h2><xsl:call-template name="s"><xsl:with-param name="k" select="$title"/></xsl:call-template></h2>
		<table>
			<thead><tr><th></th><xsl:call-template name="heads"/></tr></thead>
			<tbody>
				<xsl:for-each select="$rows">
					<xsl:sort select="@*[local-name() = $attr]"/>
					<xsl:variable name="v" select="string(@*[local-name() = $attr])"/>
					<xsl:variable name="same" select="$rows[string(@*[local-name() = $attr]) = $v]"/>
					<!-- The first row of each value in document order stands for all. -->
					<xsl:if test="generate-id($same[1]) = generate-id(.)">
						<tr>
							<th scope="row">
								<xsl:choose>
									<xsl:when test="$attr = 'sex'">
										<xsl:call-template name="s"><xsl:with-param name="k" select="$v"/></xsl:call-template>
									</xsl:when>
									<xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
								</xsl:choose>
							</th>
							<xsl:call-template name="sums"><xsl:with-param name="n" select="$same"/></xsl:call-template>
						</tr>
					</xsl:if>
				</xsl:for-each>
			</tbody>
		</table>
	</xsl:if>
</xsl:template>

</xsl:stylesheet>
