<?xml version="1.0" encoding="UTF-8"?>
<!--
  A quiz (/learn/m/ID/quiz): a plain form, one fieldset per question
  (radio buttons for one answer, check boxes for several), posting
  answer=Q-O with the attempt and the CSRF token.  When the day's
  attempts are used up (notice quiz.limit) there is no form.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="tr">
		<xsl:with-param name="k" select="'quiz.title'"/>
		<xsl:with-param name="p1" select="module/title"/>
	</xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<xsl:apply-templates select="module"/>
</xsl:template>

<xsl:template match="module">
	<p class="crumb"><a href="/learn/m/{@id}"><xsl:value-of select="title"/></a></p>
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'quiz.heading'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<ul class="facts">
		<li>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'quiz.questions'"/>
				<xsl:with-param name="p1" select="@questions"/>
			</xsl:call-template>
		</li>
		<li>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'quiz.passing'"/>
				<xsl:with-param name="p1" select="@passing-score"/>
			</xsl:call-template>
		</li>
		<li>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'quiz.attempts'"/>
				<xsl:with-param name="p1" select="@attempts-today"/>
				<xsl:with-param name="p2" select="@attempts-per-day"/>
			</xsl:call-template>
		</li>
	</ul>
	<xsl:choose>
		<xsl:when test="/page/notice[@key = 'quiz.limit'] or not(@attempt)">
			<p><a class="button" href="/learn/m/{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'quiz.back'"/></xsl:call-template></a></p>
		</xsl:when>
		<xsl:otherwise>
			<form method="post" action="/learn/m/{@id}/quiz" class="quiz">
				<xsl:if test="@lang != $lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
				<xsl:call-template name="csrf-field"/>
				<input type="hidden" name="attempt" value="{@attempt}"/>
				<xsl:apply-templates select="question"/>
				<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'quiz.resubmit'"/></xsl:call-template></p>
				<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'quiz.submit'"/></xsl:call-template></button></p>
			</form>
		</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template match="question">
	<xsl:variable name="q" select="@id"/>
	<fieldset class="question">
		<legend>
			<span class="qn"><xsl:value-of select="@number"/>. </span>
			<xsl:value-of select="normalize-space(text())"/>
		</legend>
		<xsl:if test="@kind = 'multiple'">
			<p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'quiz.multiple'"/></xsl:call-template></p>
		</xsl:if>
		<xsl:for-each select="option">
			<div class="option">
				<input id="a{$q}-{@id}" name="answer" value="{$q}-{@id}">
					<xsl:choose>
						<xsl:when test="../@kind = 'multiple'"><xsl:attribute name="type">checkbox</xsl:attribute></xsl:when>
						<xsl:otherwise>
							<xsl:attribute name="type">radio</xsl:attribute>
							<xsl:attribute name="required">required</xsl:attribute>
						</xsl:otherwise>
					</xsl:choose>
				</input>
				<xsl:text> </xsl:text>
				<label for="a{$q}-{@id}"><xsl:value-of select="."/></label>
			</div>
		</xsl:for-each>
	</fieldset>
</xsl:template>

</xsl:stylesheet>
