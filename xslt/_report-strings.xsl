<?xml version="1.0" encoding="UTF-8"?>
<!--
  Strings and helpers shared by the report stylesheets (records-report.xsl,
  yearly-report.xsl), which also run outside the programs with xsltproc,
  so they carry their own words instead of reading xslt/i18n/.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:s="urn:x-rcm:report-strings">

<xsl:param name="lang" select="'es'"/>
<!-- 'yes' for files opened outside the site: the style sheet goes inline
     (the site's Content-Security-Policy forbids inline styles). -->
<xsl:param name="standalone" select="'yes'"/>

<s:strings>
	<s:s k="title" en="Training on refuge and asylum: completion report" es="Capacitación sobre refugio y asilo: informe de finalización"/>
	<s:s k="regional" en="Regional report of the Regional Conference on Migration" es="Informe regional de la Conferencia Regional sobre Migración"/>
	<s:s k="period" en="Period" es="Periodo"/>
	<s:s k="generated" en="Generated" es="Generado"/>
	<s:s k="country" en="Country" es="País"/>
	<s:s k="all-countries" en="All member countries" es="Todos los países miembros"/>
	<s:s k="filters" en="Filters" es="Filtros"/>
	<s:s k="agency" en="Agency" es="Institución"/>
	<s:s k="module" en="Module" es="Módulo"/>
	<s:s k="sex" en="Sex" es="Sexo"/>
	<s:s k="enrolled" en="Officers enrolled" es="Personal inscrito"/>
	<s:s k="started" en="Started" es="Iniciaron"/>
	<s:s k="completed" en="Completed" es="Completaron"/>
	<s:s k="attempted" en="Took the quiz" es="Presentaron la evaluación"/>
	<s:s k="passed" en="Passed" es="Aprobaron"/>
	<s:s k="pass-rate" en="Pass rate" es="Tasa de aprobación"/>
	<s:s k="totals" en="Totals" es="Totales"/>
	<s:s k="by-module" en="By module" es="Por módulo"/>
	<s:s k="by-sex" en="By sex" es="Por sexo"/>
	<s:s k="by-agency" en="By agency" es="Por institución"/>
	<s:s k="by-country" en="By country" es="Por país"/>
	<s:s k="by-month" en="Completions by month" es="Finalizaciones por mes"/>
	<s:s k="records" en="Completion records" es="Registros de finalización"/>
	<s:s k="name" en="Name" es="Nombre"/>
	<s:s k="date" en="Completed" es="Fecha de finalización"/>
	<s:s k="score" en="Score" es="Puntaje"/>
	<s:s k="attempts" en="Attempts" es="Intentos"/>
	<s:s k="certificate" en="Certificate" es="Certificado"/>
	<s:s k="revoked" en="revoked" es="revocado"/>
	<s:s k="no-personal" en="This file holds no personal data: names and certificate codes are left out." es="Este archivo no contiene datos personales: se omiten nombres y códigos de certificado."/>
	<s:s k="none" en="No completions in this period." es="No hay finalizaciones en este periodo."/>
	<s:s k="files" en="Files consolidated" es="Archivos consolidados"/>
	<s:s k="female" en="Female" es="Mujer"/>
	<s:s k="male" en="Male" es="Hombre"/>
	<s:s k="other" en="Other" es="Otro"/>
	<s:s k="unspecified" en="Prefers not to say" es="Prefiere no decir"/>
	<s:s k="definitions" en="Started: officers who read at least one lesson in the period. Completed: officers who read every lesson and passed the quiz. Pass rate: officers who passed among those who took the quiz." es="Iniciaron: personal que leyó al menos una lección en el periodo. Completaron: personal que leyó todas las lecciones y aprobó la evaluación. Tasa de aprobación: personal que aprobó entre quienes presentaron la evaluación."/>
</s:strings>

<xsl:variable name="strings" select="document('_report-strings.xsl')/*/s:strings/s:s"/>

<xsl:template name="s">
	<xsl:param name="k"/>
	<xsl:variable name="e" select="$strings[@k = $k]"/>
	<xsl:choose>
		<xsl:when test="$lang = 'en'"><xsl:value-of select="$e/@en"/></xsl:when>
		<xsl:otherwise><xsl:value-of select="$e/@es"/></xsl:otherwise>
	</xsl:choose>
</xsl:template>

<!-- "45 %" or "–" when nobody took the quiz. -->
<xsl:template name="rate">
	<xsl:param name="passed"/>
	<xsl:param name="attempted"/>
	<xsl:choose>
		<xsl:when test="$attempted &gt; 0">
			<xsl:value-of select="round(100 * $passed div $attempted)"/>
			<xsl:text> %</xsl:text>
		</xsl:when>
		<xsl:otherwise>–</xsl:otherwise>
	</xsl:choose>
</xsl:template>

<xsl:template name="report-css">
	<xsl:choose>
	<xsl:when test="$standalone != 'yes'">
		<link rel="stylesheet" href="/static/report.css"/>
	</xsl:when>
	<xsl:otherwise>
	<style>
	body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#111}
	h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem}
	table{border-collapse:collapse;margin:.5rem 0;width:100%}
	th,td{border:1px solid #999;padding:.25rem .45rem;text-align:left}
	td.n,th.n{text-align:right}caption{text-align:left;font-weight:bold}
	.note{color:#444;font-size:.9rem}
	@media print{body{margin:0;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}}
	</style>
	</xsl:otherwise>
	</xsl:choose>
</xsl:template>

</xsl:stylesheet>
