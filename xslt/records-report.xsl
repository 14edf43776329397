<?xml version="1.0" encoding="UTF-8"?>
<!--
  Completion records to a printable HTML report: the figures of the
  summary (aggregated by the database) and the list of records.
  Also usable outside the site:
      xsltproc -stringparam lang en xslt/records-report.xsl completions.xml
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:cr="urn:x-rcm:completion-records:1"
	exclude-result-prefixes="cr">
<xsl:import href="_report-strings.xsl"/>
<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

<xsl:template match="/cr:completionRecords">
	<html lang="{$lang}">
	<head>
		<meta charset="utf-8"/>
		<title><xsl:call-template name="s"><xsl:with-param name="k" select="'title'"/></xsl:call-template></title>
		<xsl:call-template name="report-css"/>
	</head>
	<body>
		<h1><xsl:call-template name="s"><xsl:with-param name="k" select="'title'"/></xsl:call-template></h1>
		<p>
			<xsl:call-template name="s"><xsl:with-param name="k" select="'country'"/></xsl:call-template>:
			<strong>
				<xsl:choose>
					<xsl:when test="cr:issuer/@country"><xsl:value-of select="cr:issuer/@country"/></xsl:when>
					<xsl:otherwise><xsl:call-template name="s"><xsl:with-param name="k" select="'all-countries'"/></xsl:call-template></xsl:otherwise>
				</xsl:choose>
			</strong>
			<xsl:text> · </xsl:text>
			<xsl:call-template name="s"><xsl:with-param name="k" select="'period'"/></xsl:call-template>:
			<xsl:value-of select="@periodStart"/> – <xsl:value-of select="@periodEnd"/>
			<xsl:text> · </xsl:text>
			<xsl:call-template name="s"><xsl:with-param name="k" select="'generated'"/></xsl:call-template>:
			<xsl:value-of select="@generatedAt"/>
		</p>
		<xsl:if test="cr:filters/@agency or cr:filters/@module">
			<p>
				<xsl:call-template name="s"><xsl:with-param name="k" select="'filters'"/></xsl:call-template>:
				<xsl:value-of select="cr:filters/@agency"/>
				<xsl:text> </xsl:text>
				<xsl:value-of select="cr:filters/@module"/>
			</p>
		</xsl:if>
		<xsl:if test="@personalData = 'no'">
			<p class="note"><xsl:call-template name="s"><xsl:with-param name="k" select="'no-personal'"/></xsl:call-template></p>
		</xsl:if>
		<xsl:apply-templates select="cr:summary"/>
		<h2><xsl:call-template name="s"><xsl:with-param name="k" select="'records'"/></xsl:call-template></h2>
		<xsl:choose>
			<xsl:when test="cr:record">
				<table>
					<thead><tr>
						<xsl:if test="@personalData = 'yes'">
							<th><xsl:call-template name="s"><xsl:with-param name="k" select="'name'"/></xsl:call-template></th>
						</xsl:if>
						<th><xsl:call-template name="s"><xsl:with-param name="k" select="'agency'"/></xsl:call-template></th>
						<th><xsl:call-template name="s"><xsl:with-param name="k" select="'module'"/></xsl:call-template></th>
						<th><xsl:call-template name="s"><xsl:with-param name="k" select="'date'"/></xsl:call-template></th>
						<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'score'"/></xsl:call-template></th>
						<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'attempts'"/></xsl:call-template></th>
						<xsl:if test="@personalData = 'yes'">
							<th><xsl:call-template name="s"><xsl:with-param name="k" select="'certificate'"/></xsl:call-template></th>
						</xsl:if>
					</tr></thead>
					<tbody><xsl:apply-templates select="cr:record"/></tbody>
				</table>
			</xsl:when>
			<xsl:otherwise>
				<p><xsl:call-template name="s"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p>
			</xsl:otherwise>
		</xsl:choose>
		<p class="note"><xsl:call-template name="s"><xsl:with-param name="k" select="'definitions'"/></xsl:call-template></p>
	</body>
	</html>
</xsl:template>

<xsl:template match="cr:summary">
	<h2><xsl:call-template name="s"><xsl:with-param name="k" select="'totals'"/></xsl:call-template></h2>
	<table>
		<thead><tr>
			<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'enrolled'"/></xsl:call-template></th>
			<xsl:call-template name="count-heads"/>
		</tr></thead>
		<tbody><tr>
			<td class="n"><xsl:value-of select="cr:total/@enrolled"/></td>
			<xsl:apply-templates select="cr:total" mode="counts"/>
		</tr></tbody>
	</table>
	<xsl:call-template name="breakdown">
		<xsl:with-param name="title" select="'by-module'"/>
		<xsl:with-param name="rows" select="cr:byModule"/>
		<xsl:with-param name="key" select="'module'"/>
	</xsl:call-template>
	<xsl:call-template name="breakdown">
		<xsl:with-param name="title" select="'by-sex'"/>
		<xsl:with-param name="rows" select="cr:bySex"/>
		<xsl:with-param name="key" select="'sex'"/>
	</xsl:call-template>
	<xsl:call-template name="breakdown">
		<xsl:with-param name="title" select="'by-agency'"/>
		<xsl:with-param name="rows" select="cr:byAgency"/>
		<xsl:with-param name="key" select="'agency'"/>
	</xsl:call-template>
	<h2><xsl:call-template name="s"><xsl:with-param name="k" select="'by-month'"/></xsl:call-template></h2>
	<table>
		<thead><tr><xsl:for-each select="cr:byMonth"><th class="n"><xsl:value-of select="@month"/></th></xsl:for-each></tr></thead>
		<tbody><tr><xsl:for-each select="cr:byMonth"><td class="n"><xsl:value-of select="@completed"/></td></xsl:for-each></tr></tbody>
	</table>
</xsl:template>

<xsl:template name="count-heads">
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'started'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'completed'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'attempted'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'passed'"/></xsl:call-template></th>
	<th class="n"><xsl:call-template name="s"><xsl:with-param name="k" select="'pass-rate'"/></xsl:call-template></th>
</xsl:template>

<xsl:template match="*" mode="counts">
	<td class="n"><xsl:value-of select="@started"/></td>
	<td class="n"><xsl:value-of select="@completed"/></td>
	<td class="n"><xsl:value-of select="@attempted"/></td>
	<td class="n"><xsl:value-of select="@passed"/></td>
	<td class="n">
		<xsl:call-template name="rate">
			<xsl:with-param name="passed" select="@passed"/>
			<xsl:with-param name="attempted" select="@attempted"/>
		</xsl:call-template>
	</td>
</xsl:template>

<xsl:template name="breakdown">
	<xsl:param name="title"/>
	<xsl:param name="rows"/>
	<xsl:param name="key"/>
	<xsl:if test="$rows">
		<h2><xsl:call-template name="s"><xsl:with-param name="k" select="$title"/></xsl:call-template></h2>
		<table>
			<thead><tr><th></th><xsl:call-template name="count-heads"/></tr></thead>
			<tbody>
				<xsl:for-each select="$rows">
					<tr>
						<th scope="row">
							<xsl:choose>
								<xsl:when test="$key = 'sex'">
									<xsl:call-template name="s"><xsl:with-param name="k" select="@sex"/></xsl:call-template>
								</xsl:when>
								<xsl:otherwise><xsl:value-of select="@*[local-name() = $key]"/></xsl:otherwise>
							</xsl:choose>
						</th>
						<xsl:apply-templates select="." mode="counts"/>
					</tr>
				</xsl:for-each>
			</tbody>
		</table>
	</xsl:if>
</xsl:template>

<xsl:template match="cr:record">
	<tr>
		<xsl:if test="/cr:completionRecords/@personalData = 'yes'">
			<td><xsl:value-of select="cr:learner"/></td>
		</xsl:if>
		<td><xsl:value-of select="cr:learner/@agency"/></td>
		<td><xsl:value-of select="cr:learningOpportunity"/></td>
		<td><xsl:value-of select="substring(@completed, 1, 10)"/></td>
		<td class="n"><xsl:value-of select="round(100 * @scaledScore)"/> %</td>
		<td class="n"><xsl:value-of select="@attempts"/></td>
		<xsl:if test="/cr:completionRecords/@personalData = 'yes'">
			<td>
				<xsl:value-of select="cr:credential/@identifier"/>
				<xsl:if test="cr:credential/@status = 'revoked'">
					<xsl:text> (</xsl:text>
					<xsl:call-template name="s"><xsl:with-param name="k" select="'revoked'"/></xsl:call-template>
					<xsl:text>)</xsl:text>
				</xsl:if>
			</td>
		</xsl:if>
	</tr>
</xsl:template>

</xsl:stylesheet>
