<?xml version="1.0" encoding="UTF-8"?>
<!--
  Completion records to CSV (RFC 4180): one header line, one line per
  record, every field quoted with inner quotes doubled, CRLF line ends.
  It starts with a UTF-8 byte order mark so that spreadsheets open the
  file as UTF-8 and keep the accents.  Usable with xsltproc on an
  exported file:  xsltproc xslt/records-csv.xsl completions.xml
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:cr="urn:x-rcm:completion-records:1">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:param name="lang" select="'es'"/>

<xsl:variable name="crlf" select="'&#13;&#10;'"/>

<xsl:template match="/cr:completionRecords">
	<xsl:text>&#xFEFF;</xsl:text>
	<xsl:text>record_id,learner_id,name,sex,agency,country,module_id,module_title,version,language,started,completed,scaled_score,success_status,attempts,certificate,verification_url,credential_status</xsl:text>
	<xsl:value-of select="$crlf"/>
	<xsl:apply-templates select="cr:record"/>
</xsl:template>

<xsl:template match="cr:record">
	<xsl:call-template name="field"><xsl:with-param name="v" select="@id"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learner/@id"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learner"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learner/@sex"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learner/@agency"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learner/@country"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learningOpportunity/@id"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learningOpportunity"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learningOpportunity/@version"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:learningOpportunity/@language"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="@started"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="@completed"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="@scaledScore"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="@successStatus"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="@attempts"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:credential/@identifier"/></xsl:call-template>
	<xsl:call-template name="field"><xsl:with-param name="v" select="cr:credential/@verificationURL"/></xsl:call-template>
	<xsl:call-template name="field">
		<xsl:with-param name="v" select="cr:credential/@status"/>
		<xsl:with-param name="last" select="true()"/>
	</xsl:call-template>
	<xsl:value-of select="$crlf"/>
</xsl:template>

<!--
  One quoted field: "..." with every " doubled.  A value a spreadsheet
  would run as a formula (=, +, -, @ first) gets a leading apostrophe.
-->
<xsl:template name="field">
	<xsl:param name="v"/>
	<xsl:param name="last" select="false()"/>
	<xsl:text>"</xsl:text>
	<xsl:if test="contains('=+-@&#9;&#13;', substring($v, 1, 1)) and string-length($v) &gt; 0">
		<xsl:text>'</xsl:text>
	</xsl:if>
	<xsl:call-template name="double-quotes"><xsl:with-param name="s" select="string($v)"/></xsl:call-template>
	<xsl:text>"</xsl:text>
	<xsl:if test="not($last)">,</xsl:if>
</xsl:template>

<xsl:template name="double-quotes">
	<xsl:param name="s"/>
	<xsl:choose>
		<xsl:when test="contains($s, '&quot;')">
			<xsl:value-of select="substring-before($s, '&quot;')"/>
			<xsl:text>""</xsl:text>
			<xsl:call-template name="double-quotes">
				<xsl:with-param name="s" select="substring-after($s, '&quot;')"/>
			</xsl:call-template>
		</xsl:when>
		<xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
	</xsl:choose>
</xsl:template>

</xsl:stylesheet>
